/** Word lists for generated text; short, so summaries stay readable and `~` searches find things. */

/** Verbs that start a summary. */
export const VERBS = [
  'Fix',
  'Add',
  'Remove',
  'Improve',
  'Investigate',
  'Refactor',
  'Document',
  'Migrate',
  'Test',
  'Speed up',
];

/** Nouns a summary is about. */
export const NOUNS = [
  'login page',
  'checkout flow',
  'search index',
  'webhook handler',
  'export job',
  'billing report',
  'mobile sync',
  'password reset',
  'audit log',
  'rate limiter',
  'dashboard widget',
  'email digest',
  'API gateway',
  'invoice PDF',
  'user import',
  'cache layer',
];

/** Qualifiers that end a summary. */
export const QUALIFIERS = [
  'on Safari',
  'for admins',
  'after upgrade',
  'in staging',
  'under load',
  'for EU customers',
  'on timeout',
  '',
];

/** Labels, some shared with the "Tags" custom field. */
export const LABELS = [
  'backend',
  'frontend',
  'urgent',
  'tech-debt',
  'customer',
  'security',
  'ux',
  'infra',
];

/** Sentences for descriptions and comments. */
export const SENTENCES = [
  'Steps to reproduce are in the attached log.',
  'This started after the last deployment.',
  'Customers on the enterprise plan are affected.',
  'We should add a regression test before closing.',
  'The fix needs a database migration.',
  'Seen twice this week, not reproducible locally.',
  'Blocked until the vendor answers.',
  'Agreed in planning; estimate is rough.',
  'Numbers: 42% of requests time out after 30s.',
  'Rollback is safe; no data is lost.',
];

/** People the sandbox's users are named after. */
export const PEOPLE: readonly { readonly first: string; readonly last: string }[] = [
  { first: 'Ada', last: 'Owl' },
  { first: 'Bruno', last: 'Keller' },
  { first: 'Chiara', last: 'Rossi' },
  { first: 'Dmitri', last: 'Volkov' },
  { first: 'Emeka', last: 'Obi' },
  { first: 'Fatima', last: 'Haddad' },
  { first: 'Grace', last: 'Lin' },
  { first: 'Hiro', last: 'Tanaka' },
];

/** Names of generated projects; keys are derived from them. */
export const PROJECT_NAMES: readonly { readonly key: string; readonly name: string }[] = [
  { key: 'OWL', name: 'Owl Platform' },
  { key: 'PAY', name: 'Payments' },
  { key: 'MOB', name: 'Mobile App' },
  { key: 'WEB', name: 'Website' },
  { key: 'OPS', name: 'Operations' },
  { key: 'DATA', name: 'Data Pipeline' },
  { key: 'SEC', name: 'Security' },
  { key: 'HR', name: 'People Team' },
];
