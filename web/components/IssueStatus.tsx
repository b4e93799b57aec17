/** Jira's status categories, named as Jira names them; the colour follows the category, as in Jira. */
const CATEGORY_LABELS: Record<string, string> = {
  new: 'To do',
  indeterminate: 'In progress',
  done: 'Done',
};

/** An issue's status as a lozenge coloured by its category (to do, in progress, done). */
export function IssueStatus(props: { status: string | null; category: string | null }) {
  const category =
    props.category !== null && props.category in CATEGORY_LABELS ? props.category : 'unknown';
  return (
    <span
      className={`lozenge lozenge--${category}`}
      data-category={category}
      title={CATEGORY_LABELS[category] ?? 'Unknown category'}
    >
      {props.status ?? 'No status'}
    </span>
  );
}
