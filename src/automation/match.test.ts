import { describe, expect, it } from 'vitest';
import type { RuleTrigger } from '../shared/automation.ts';
import { matchesTrigger, type EventFacts } from './match.ts';

const facts: EventFacts = {
  event: 'jira:issue_updated',
  projectKey: 'OWL',
  issueType: 'Bug',
  labels: ['backend'],
  statusChange: { from: 'To Do', to: 'In Progress' },
};
const trigger = (filter: Extract<RuleTrigger, { type: 'event' }>['filter']): RuleTrigger => ({
  type: 'event',
  events: ['jira:issue_updated'],
  filter,
});

describe('matchesTrigger', () => {
  it('matches when the event is listed and every condition holds', () => {
    expect(matchesTrigger(trigger({}), facts)).toBe(true);
    expect(
      matchesTrigger(
        trigger({
          project: 'owl',
          issueType: 'bug',
          label: 'backend',
          statusFrom: 'To Do',
          statusTo: 'in progress',
        }),
        facts,
      ),
    ).toBe(true);
  });

  it('does not match another event, project, type, label or status change, or an API trigger', () => {
    expect(matchesTrigger(trigger({}), { ...facts, event: 'comment_created' })).toBe(false);
    expect(matchesTrigger(trigger({ project: 'PAY' }), facts)).toBe(false);
    expect(matchesTrigger(trigger({ issueType: 'Story' }), facts)).toBe(false);
    expect(matchesTrigger(trigger({ label: 'Backend' }), facts)).toBe(false);
    expect(matchesTrigger(trigger({ statusTo: 'Done' }), facts)).toBe(false);
    expect(matchesTrigger(trigger({ statusFrom: 'Done' }), facts)).toBe(false);
    expect(
      matchesTrigger(trigger({ statusTo: 'In Progress' }), { ...facts, statusChange: null }),
    ).toBe(false);
    expect(matchesTrigger({ type: 'api' }, facts)).toBe(false);
  });
});
