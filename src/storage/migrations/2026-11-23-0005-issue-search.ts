import type { Kysely } from 'kysely';
import { SqliteAdapter, sql } from 'kysely';
import { issueTerms } from '../search-terms.ts';

// Frozen in time: migrations take Kysely<any> and never import the live schema.
/* eslint-disable @typescript-eslint/no-explicit-any */

const FILTERED_COLUMNS = ['project_key', 'status', 'assignee_id'];
const BACKFILL_BATCH = 500;

/**
 * The issue search: one row of words per issue in `jira_issue_search` (the words are cut in
 * JavaScript, see search-terms.ts, so both databases index the same ones), deleted with its issue.
 * SQLite indexes the words with an external-content FTS5 table kept current by triggers;
 * PostgreSQL with a generated tsvector and a GIN index. array_to_tsvector takes the words as they
 * are, like the 'simple' configuration would but without a second tokenizer: no stemming (issue
 * text mixes languages, code and names, and SQLite would not stem the same way) and no stop words.
 * Also indexes the list's filters in its order, so a filtered page reads only its own rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    // Kysely runs SQLite migrations outside a transaction; this one makes its own, so that a
    // process killed during the backfill leaves nothing half-made to fail the next start.
    await db.transaction().execute(async (trx) => {
      await createFilterIndexes(trx);
      await createSqliteSearch(trx);
      await backfill(trx);
    });
  } else {
    await createFilterIndexes(db);
    await createPostgresSearch(db);
    await backfill(db);
  }
}

function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

async function createFilterIndexes(db: Kysely<any>): Promise<void> {
  for (const column of FILTERED_COLUMNS) {
    await db.schema
      .createIndex(`jira_issues_${column}_updated`)
      .on('jira_issues')
      .columns(['integration_id', column, 'updated', 'jira_id'])
      .execute();
  }
}

async function createSqliteSearch(db: Kysely<any>): Promise<void> {
  // An INTEGER PRIMARY KEY, unlike a plain rowid, survives VACUUM: the FTS rows are keyed by it.
  await sql`create table jira_issue_search (
    doc_id integer primary key,
    integration_id text not null,
    issue_id text not null,
    terms text not null,
    foreign key (integration_id, issue_id)
      references jira_issues (integration_id, jira_id) on delete cascade
  )`.execute(db);
  await sql`create unique index jira_issue_search_issue
    on jira_issue_search (integration_id, issue_id)`.execute(db);
  // Without a prefix index FTS5 merges the postings of every word a prefix starts before it returns
  // the first match; short prefixes start the most words (on 100,000 issues a 4-letter prefix took
  // 8 ms without one, 0.2 ms with it, for 6% more file).
  await sql`create virtual table jira_issue_fts using fts5(
    terms,
    content = 'jira_issue_search',
    content_rowid = 'doc_id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3 4'
  )`.execute(db);
  await sql`create trigger jira_issue_search_insert after insert on jira_issue_search begin
    insert into jira_issue_fts (rowid, terms) values (new.doc_id, new.terms);
  end`.execute(db);
  await sql`create trigger jira_issue_search_delete after delete on jira_issue_search begin
    insert into jira_issue_fts (jira_issue_fts, rowid, terms) values ('delete', old.doc_id, old.terms);
  end`.execute(db);
  await sql`create trigger jira_issue_search_update after update on jira_issue_search begin
    insert into jira_issue_fts (jira_issue_fts, rowid, terms) values ('delete', old.doc_id, old.terms);
    insert into jira_issue_fts (rowid, terms) values (new.doc_id, new.terms);
  end`.execute(db);
}

async function createPostgresSearch(db: Kysely<any>): Promise<void> {
  await sql`create table jira_issue_search (
    integration_id text not null,
    issue_id text not null,
    terms text not null,
    terms_vector tsvector generated always as (array_to_tsvector(string_to_array(terms, ' '))) stored,
    primary key (integration_id, issue_id),
    foreign key (integration_id, issue_id)
      references jira_issues (integration_id, jira_id) on delete cascade
  )`.execute(db);
  await sql`create index jira_issue_search_terms on jira_issue_search using gin (terms_vector)`.execute(
    db,
  );
}

interface BackfillIssue {
  integration_id: string;
  jira_id: string;
  key: string;
  summary: string;
  labels_json: string;
  fields_json: string;
}

/** Indexes the issues mirrored before this migration, in id order, a batch at a time. */
async function backfill(db: Kysely<any>): Promise<void> {
  let after: BackfillIssue | undefined;
  for (;;) {
    let query = db
      .selectFrom('jira_issues')
      .select(['integration_id', 'jira_id', 'key', 'summary', 'labels_json', 'fields_json'])
      .$castTo<BackfillIssue>()
      .orderBy('integration_id')
      .orderBy('jira_id')
      .limit(BACKFILL_BATCH);
    if (after !== undefined) {
      const { integration_id, jira_id } = after;
      query = query.where((eb) =>
        eb.or([
          eb('integration_id', '>', integration_id),
          eb.and([eb('integration_id', '=', integration_id), eb('jira_id', '>', jira_id)]),
        ]),
      );
    }
    const issues = await query.execute();
    const last = issues[issues.length - 1];
    if (last === undefined) return;
    const commentsOf = await commentsByIssue(db, issues);
    await db
      .insertInto('jira_issue_search')
      .values(
        issues.map((issue) => ({
          integration_id: issue.integration_id,
          issue_id: issue.jira_id,
          terms: issueTerms(issue, commentsOf.get(issueRef(issue)) ?? []),
        })),
      )
      .execute();
    after = last;
  }
}

function issueRef(issue: { integration_id: string; jira_id: string }): string {
  return `${issue.integration_id}/${issue.jira_id}`;
}

/** The comments of a batch of issues, in Jira's order, by issueRef. */
async function commentsByIssue(
  db: Kysely<any>,
  issues: readonly { integration_id: string; jira_id: string }[],
): Promise<Map<string, { data_json: string }[]>> {
  const byIssue = new Map<string, { data_json: string }[]>();
  for (const integrationId of new Set(issues.map((issue) => issue.integration_id))) {
    const ids = issues.filter((i) => i.integration_id === integrationId).map((i) => i.jira_id);
    const comments = await db
      .selectFrom('jira_comments')
      .select(['issue_id', 'data_json'])
      .$castTo<{ issue_id: string; data_json: string }>()
      .where('integration_id', '=', integrationId)
      .where('issue_id', 'in', ids)
      .orderBy('position')
      .execute();
    for (const comment of comments) {
      const ref = issueRef({ integration_id: integrationId, jira_id: comment.issue_id });
      const known = byIssue.get(ref);
      if (known === undefined) byIssue.set(ref, [comment]);
      else known.push(comment);
    }
  }
  return byIssue;
}

/** Drops what up() made. */
export async function down(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    await sql`drop table jira_issue_fts`.execute(db);
  }
  await db.schema.dropTable('jira_issue_search').execute();
  for (const column of FILTERED_COLUMNS) {
    await db.schema.dropIndex(`jira_issues_${column}_updated`).execute();
  }
}
