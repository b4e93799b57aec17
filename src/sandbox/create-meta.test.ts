import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRICT_TYPE_ID } from './domain/create-screens.ts';
import { startSandbox, type Sandbox } from './index.ts';
import { call } from './test-client.ts';

interface FieldMeta {
  fieldId: string;
  key?: string;
  name: string;
  required: boolean;
  schema: { type: string; custom?: string; items?: string };
  allowedValues?: { id: string; value?: string }[];
  hasDefaultValue: boolean;
}

const STRICT_FIELDS = {
  project: { key: 'OWL' },
  issuetype: { id: STRICT_TYPE_ID },
  summary: 'Every custom field filled',
  customfield_10010: { value: 'Payments' },
  customfield_10011: [] as unknown[],
  customfield_10012: 5,
  customfield_10013: '2026-12-01',
  customfield_10014: 'Ships in the December release',
  customfield_10015: ['release', 'q4'],
};

describe.each(['cloud', 'datacenter'] as const)(
  '%s sandbox: create metadata, required fields, assignee',
  (flavor) => {
    let sandbox: Sandbox;
    const api = flavor === 'cloud' ? '/rest/api/3' : '/rest/api/2';
    const list = flavor === 'cloud' ? 'fields' : 'values';
    beforeAll(async () => {
      sandbox = await startSandbox({ flavor, issues: 40, seed: 5 });
    });
    afterAll(() => sandbox.stop());

    // The first issue's reporter, referred to as each flavour's API expects.
    const userRef = () => {
      const first = sandbox.listIssues()[0]?.key ?? '';
      const { reporter } = sandbox.renderIssue(first, '2')?.fields as {
        reporter: { accountId?: string; name?: string };
      };
      return flavor === 'cloud' ? { accountId: reporter.accountId } : { name: reporter.name };
    };

    it('lists issue types and pages the fields of one, marking the required custom fields', async () => {
      const types = (await call(sandbox, `${api}/issue/createmeta/OWL/issuetypes`)).body as Record<
        string,
        unknown
      >;
      const typeList = (flavor === 'cloud' ? types.issueTypes : types.values) as { id: string }[];
      expect(typeList.map((t) => t.id)).toContain(STRICT_TYPE_ID);
      expect(types).toMatchObject({ startAt: 0, total: typeList.length });

      const all: FieldMeta[] = [];
      let startAt = 0;
      for (;;) {
        const page = (
          await call(
            sandbox,
            `${api}/issue/createmeta/OWL/issuetypes/${STRICT_TYPE_ID}?startAt=${startAt}&maxResults=4`,
          )
        ).body as Record<string, unknown> & { total: number };
        const items = page[list] as FieldMeta[];
        all.push(...items);
        startAt += items.length;
        if (startAt >= page.total) break;
      }
      expect(all.length).toBe(13);
      const required = all.filter((f) => f.required).map((f) => f.fieldId);
      expect(required).toEqual([
        'summary',
        'issuetype',
        'project',
        'customfield_10010',
        'customfield_10011',
        'customfield_10012',
        'customfield_10013',
        'customfield_10014',
        'customfield_10015',
      ]);
      const team = all.find((f) => f.fieldId === 'customfield_10010');
      expect(team?.schema).toMatchObject({
        type: 'option',
        custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select',
      });
      expect(team?.allowedValues?.map((v) => v.value)).toEqual([
        'Platform',
        'Payments',
        'Mobile',
        'Growth',
      ]);
      expect(all.find((f) => f.fieldId === 'priority')?.hasDefaultValue).toBe(true);
      expect(all.every((f) => (flavor === 'cloud') === (f.key === f.fieldId))).toBe(true);

      const task = (await call(sandbox, `${api}/issue/createmeta/OWL/issuetypes/10001`))
        .body as Record<string, FieldMeta[]>;
      expect(task[list]?.filter((f) => f.required).map((f) => f.fieldId)).toEqual([
        'summary',
        'issuetype',
        'project',
      ]);
      if (flavor === 'datacenter') expect(task).toMatchObject({ isLast: true });
    });

    it('answers 400 for an unknown project and, on Cloud, for pages above 200', async () => {
      expect((await call(sandbox, `${api}/issue/createmeta/NOPE/issuetypes`)).status).toBe(400);
      const big = await call(sandbox, `${api}/issue/createmeta/OWL/issuetypes?maxResults=500`);
      expect(big.status).toBe(flavor === 'cloud' ? 400 : 200);
    });

    it('refuses a create without its required custom fields, naming each as Jira does', async () => {
      const response = await call(sandbox, `${api}/issue`, {
        body: {
          fields: {
            project: { key: 'OWL' },
            issuetype: { id: STRICT_TYPE_ID },
            summary: 'Missing',
          },
        },
      });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        errorMessages: [],
        errors: {
          customfield_10010: 'Team is required.',
          customfield_10011: 'Reviewers is required.',
          customfield_10012: 'Story Points is required.',
          customfield_10013: 'Review date is required.',
          customfield_10014: 'Release notes is required.',
          customfield_10015: 'Tags is required.',
        },
      });
    });

    it('validates values: allowed options, numbers, dates, labels, users, fields off the screen', async () => {
      const response = await call(sandbox, `${api}/issue`, {
        body: {
          fields: {
            ...STRICT_FIELDS,
            customfield_10010: { value: 'Nobody' },
            customfield_10011: [{ accountId: 'ghost', name: 'ghost' }],
            customfield_10012: 'five',
            customfield_10013: '2026-02-30',
            customfield_10015: ['two words'],
            customfield_99999: 'x',
          },
        },
      });
      expect(response.status).toBe(400);
      expect((response.body as { errors: Record<string, string> }).errors).toEqual({
        customfield_10010: "Option value 'Nobody' is not valid",
        customfield_10011: "The user 'ghost' does not exist.",
        customfield_10012: 'Operation value must be a number',
        customfield_10013: 'Error parsing date string: 2026-02-30',
        customfield_10015: "The label 'two words' contains spaces which is invalid.",
        customfield_99999:
          "Field 'customfield_99999' cannot be set. It is not on the appropriate screen, or unknown.",
      });
    });

    it('creates with every custom field and renders the values back', async () => {
      const created = await call(sandbox, `${api}/issue`, {
        body: { fields: { ...STRICT_FIELDS, customfield_10011: [userRef()] } },
      });
      expect(created.status).toBe(201);
      const { key } = created.body as { key: string };
      const issue = (await call(sandbox, `${api}/issue/${key}`)).body as {
        fields: Record<string, unknown>;
      };
      expect(issue.fields).toMatchObject({
        customfield_10010: { value: 'Payments' },
        customfield_10012: 5,
        customfield_10013: '2026-12-01',
        customfield_10014: 'Ships in the December release',
        customfield_10015: ['release', 'q4'],
      });
      expect(issue.fields.customfield_10011).toHaveLength(1);
    });

    it('assigns and unassigns with {accountId} on Cloud and {name} on Data Center (204)', async () => {
      const target = sandbox.listIssues()[1];
      if (target === undefined) throw new Error('no issue');
      const assigned = await call(sandbox, `${api}/issue/${target.key}/assignee`, {
        method: 'PUT',
        body: userRef(),
      });
      expect(assigned.status).toBe(204);
      expect(sandbox.getIssue(target.key)?.assigneeId).toBe(sandbox.listIssues()[0]?.reporterId);
      const field = flavor === 'cloud' ? 'accountId' : 'name';
      const cleared = await call(sandbox, `${api}/issue/${target.key}/assignee`, {
        method: 'PUT',
        body: { [field]: null },
      });
      expect(cleared.status).toBe(204);
      expect(sandbox.getIssue(target.key)?.assigneeId).toBeNull();
      const unknown = await call(sandbox, `${api}/issue/${target.key}/assignee`, {
        method: 'PUT',
        body: { [field]: 'ghost' },
      });
      expect(unknown.status).toBe(flavor === 'cloud' ? 400 : 404);
      const anonymous = await call(sandbox, `${api}/issue/${target.key}/assignee`, {
        method: 'PUT',
        body: { [field]: null },
        auth: null,
      });
      expect(anonymous.status).toBe(401);
    });
  },
);
