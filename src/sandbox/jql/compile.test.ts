import { describe, expect, it } from 'vitest';
import { SandboxStore } from '../domain/store.ts';
import type { EvalContext } from './context.ts';
import { compileQuery } from './compile.ts';
import { parseJql } from './parse.ts';

const ANCHOR = Date.UTC(2026, 0, 15);

function setup(timeZone = 'UTC'): {
  store: SandboxStore;
  search: (jql: string) => string[];
  ctx: EvalContext;
} {
  const store = new SandboxStore({
    flavor: 'cloud',
    seed: 11,
    projects: 2,
    issues: 120,
    timeZone,
    anchorTime: ANCHOR,
  });
  const ctx: EvalContext = {
    store,
    timeZone,
    currentUserId: store.users[0]?.id ?? null,
    now: ANCHOR,
    canBrowse: () => true,
  };
  const search = (jql: string): string[] => {
    const compiled = compileQuery(parseJql(jql), ctx);
    return compiled.sort([...store.allIssues()].filter(compiled.matches)).map((i) => i.key);
  };
  return { store, search, ctx };
}

describe('JQL evaluation', () => {
  it('filters by project, status, assignee and EMPTY', () => {
    const { store, search } = setup();
    const all = [...store.allIssues()];
    expect(search('project = OWL')).toHaveLength(
      all.filter((i) => i.key.startsWith('OWL-')).length,
    );
    expect(search('assignee is EMPTY')).toHaveLength(
      all.filter((i) => i.assigneeId === null).length,
    );
    expect(search('assignee = currentUser()')).toHaveLength(
      all.filter((i) => i.assigneeId === store.users[0]?.id).length,
    );
    expect(search('status != Done')).toHaveLength(all.filter((i) => i.statusId !== '10002').length);
    expect(search('statusCategory = "To Do" OR statusCategory = done')).toHaveLength(
      all.filter((i) => ['10000', '10002'].includes(i.statusId)).length,
    );
  });

  it('orders by key within projects, and by priority with Highest greatest', () => {
    const { search, store } = setup();
    expect(search('project = OWL ORDER BY key ASC').slice(0, 3)).toEqual([
      'OWL-1',
      'OWL-2',
      'OWL-3',
    ]);
    const byPriority = search('project = OWL ORDER BY priority DESC');
    const first = store.findIssue(byPriority[0] ?? '');
    expect(first?.priorityId).toBe('1');
    expect(
      search('priority > Medium').every((key) =>
        ['1', '2'].includes(store.findIssue(key)?.priorityId ?? ''),
      ),
    ).toBe(true);
  });

  it('compares keys within a project and supports text search', () => {
    const { search, store } = setup();
    expect(search('key > OWL-55 ORDER BY key')).toEqual(
      search('project = OWL ORDER BY key').slice(55),
    );
    const word = store.findIssue('OWL-1')?.summary.split(' ')[1] ?? '';
    expect(search(`summary ~ "${word}"`)).toContain('OWL-1');
  });

  it('reads dates in the user time zone at minute precision, numbers as epoch ms', () => {
    const { store, search } = setup('Europe/Berlin');
    const issue = store.findIssue('OWL-2');
    if (issue === undefined) throw new Error('missing');
    // 2025-06-10 12:00 UTC is 14:00 in Berlin (summer time).
    store.updateIssue(issue, { created: Date.UTC(2025, 5, 10, 12, 0, 30) }, ANCHOR);
    expect(search('created >= "2025-06-10 14:00" AND created < "2025-06-10 14:01"')).toEqual([
      'OWL-2',
    ]);
    expect(search('created >= "2025-06-10 12:00" AND created < "2025-06-10 12:01"')).toEqual([]);
    expect(search(`created = ${Date.UTC(2025, 5, 10, 12, 0, 30)}`)).toEqual(['OWL-2']);
    expect(search('created >= "2025/06/10" AND created < "2025-06-11"')).toContain('OWL-2');
  });

  it('reads relative dates against now', () => {
    const { store, search } = setup();
    const recent = [...store.allIssues()]
      .filter((i) => i.updated >= ANCHOR - 86_400_000)
      .map((i) => i.key);
    expect(search('updated >= -1d').sort()).toEqual(recent.sort());
    expect(search('updated >= -24h').sort()).toEqual(recent.sort());
  });

  it('rejects unknown fields, values and operators as Jira words them', () => {
    const { search } = setup();
    expect(() => search('foo = 1')).toThrow(
      "Field 'foo' does not exist or you do not have permission to view it.",
    );
    expect(() => search('project = NOPE')).toThrow(
      "The value 'NOPE' does not exist for the field 'project'.",
    );
    expect(() => search('summary = x')).toThrow(
      "The operator '=' is not supported by the 'summary' field.",
    );
    expect(() => search('created > "yesterday"')).toThrow(
      "Date value 'yesterday' for field 'created' is invalid.",
    );
    expect(() => search('project = OWL ORDER BY labels')).toThrow(
      "Field 'labels' does not support sorting.",
    );
  });

  it('searches custom fields by cf[id], id and name', () => {
    const { store, search } = setup();
    const withPoints = [...store.allIssues()].filter(
      (i) => (i.custom.storyPoints ?? 0) >= 5,
    ).length;
    expect(search('cf[10012] >= 5')).toHaveLength(withPoints);
    expect(search('"Story Points" >= 5')).toHaveLength(withPoints);
    expect(search('Team = Payments')).toHaveLength(
      [...store.allIssues()].filter((i) => i.custom.team === '10101').length,
    );
  });
});
