/** An automation rule of an integration; trigger and actions as validated JSON. */
export interface AutomationRulesTable {
  id: string;
  integration_id: string;
  name: string;
  enabled: number;
  trigger_json: string;
  actions_json: string;
  /** The key that signs the rule's outbound events, in a secrets envelope. */
  secret_ciphertext: string;
  created_at: string;
  updated_at: string;
}

/** One run of a rule for one trigger (a Jira event or an API call), with its outcome. */
export interface AutomationRunsTable {
  id: string;
  rule_id: string;
  trigger_ref: string;
  issue_key: string | null;
  status: 'running' | 'succeeded' | 'failed';
  results_json: string;
  started_at: string;
  finished_at: string | null;
}

/** A write a rule made to Jira, so that the webhook it causes does not trigger rules again. */
export interface AutomationWritesTable {
  integration_id: string;
  marker: string;
  made_at: string;
}

/** The automation tables, merged into the Database interface. */
export interface AutomationTables {
  automation_rules: AutomationRulesTable;
  automation_runs: AutomationRunsTable;
  automation_writes: AutomationWritesTable;
}
