import { describe, expect, it } from 'vitest';
import { RuleInputSchema } from '../src/shared/automation.ts';
import { controlId, draftOf, emptyDraft, knownPaths, newAction, toRuleInput } from './rule-form.ts';
import { matchRoute, rulesHref } from './routes.ts';
import { describeAction, describeRunTrigger, describeTrigger } from './rule-summary.ts';

describe('rule editor draft', () => {
  it('turns an event rule into input the server accepts, without empty filters', () => {
    const draft = {
      ...emptyDraft(),
      name: 'Close loop',
      events: ['jira:issue_updated' as const],
      filter: { project: ' OWL ', issueType: '', statusFrom: '', statusTo: 'Done', label: '' },
      actions: [{ ...newAction(0, 'comment'), body: 'Closed.' }],
    };
    const input = toRuleInput(draft);
    expect(input.trigger).toEqual({
      type: 'event',
      events: ['jira:issue_updated'],
      filter: { project: 'OWL', statusTo: 'Done' },
    });
    expect(RuleInputSchema.safeParse(input).success).toBe(true);
  });

  it('sends each action kind in its own shape, and an API trigger bare', () => {
    const draft = {
      ...emptyDraft(),
      name: 'By API',
      triggerType: 'api' as const,
      actions: [
        { ...newAction(0, 'transition'), toStatus: 'Done', body: 'ignored' },
        { ...newAction(1, 'create_issue'), projectKey: 'OWL', issueTypeId: '10001', summary: 'S' },
        { ...newAction(2, 'post_event'), url: ' https://hooks.example.com/x ' },
      ],
    };
    expect(toRuleInput(draft)).toMatchObject({
      trigger: { type: 'api' },
      actions: [
        { type: 'transition', toStatus: 'Done' },
        { type: 'create_issue', projectKey: 'OWL', issueTypeId: '10001', fields: { summary: 'S' } },
        { type: 'post_event', url: 'https://hooks.example.com/x' },
      ],
    });
  });

  it('edits a rule as it is: the same input comes back, create_issue fields set by API included', () => {
    const input = {
      name: 'Escalate',
      enabled: false,
      trigger: {
        type: 'event' as const,
        events: ['comment_created' as const],
        filter: { label: 'urgent' },
      },
      actions: [
        {
          type: 'create_issue' as const,
          projectKey: 'OPS',
          issueTypeId: '10002',
          fields: { summary: 'Look', priority: { name: 'High' } },
        },
        { type: 'post_event' as const, url: 'https://hooks.example.com/x' },
      ],
    };
    const rule = {
      ...input,
      id: 'r1',
      integrationId: 'i1',
      createdAt: '2026-11-23T00:00:00Z',
      updatedAt: '2026-11-23T00:00:00Z',
    };
    expect(toRuleInput(draftOf(rule))).toEqual(input);
  });

  it('names controls after the server error paths they show', () => {
    expect(controlId('rule', 'actions.0.url')).toBe('rule-actions-0-url');
    expect(knownPaths(emptyDraft())).toContain('actions.0.url');
    expect(knownPaths(emptyDraft())).toContain('trigger.filter.statusTo');
  });
});

describe('rule summaries', () => {
  it('describe triggers and actions in a line', () => {
    expect(describeTrigger({ type: 'api' })).toBe('API call (Run now)');
    expect(
      describeTrigger({ type: 'event', events: ['comment_created'], filter: { label: 'urgent' } }),
    ).toBe('Comment added · label urgent');
    expect(describeAction({ type: 'transition', toStatus: 'Done' })).toBe('Move to Done');
    expect(describeRunTrigger('api:1f2e')).toBe('Run by API');
    expect(describeRunTrigger('event:abc-123')).toBe('Jira event');
  });
});

describe('rules route', () => {
  it('matches an integration rules page', () => {
    expect(matchRoute(rulesHref('int 1'))).toEqual({ page: 'rules', id: 'int 1' });
  });
});
