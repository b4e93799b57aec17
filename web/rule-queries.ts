/** TanStack Query hooks for an integration's automation rules and their runs. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RuleInput, RuleRunView, RuleView } from '../src/shared/automation.ts';
import {
  createRule,
  deleteRule,
  listRuleRuns,
  listRules,
  runRule,
  updateRule,
} from './rule-endpoints.ts';

const rulesKey = (id: string) => ['integrations', id, 'rules'] as const;

/** An integration's rules. */
export function useRules(id: string): UseQueryResult<RuleView[]> {
  return useQuery({ queryKey: rulesKey(id), queryFn: () => listRules(id) });
}

/** A rule's runs, newest first; refreshed while one is still running. */
export function useRuleRuns(id: string, ruleId: string): UseQueryResult<RuleRunView[]> {
  return useQuery({
    queryKey: [...rulesKey(id), ruleId, 'runs'],
    queryFn: () => listRuleRuns(id, ruleId),
    refetchInterval: (query) =>
      query.state.data?.some((run) => run.status === 'running') === true ? 2000 : false,
  });
}

/** What saving answers: the rule, and its signing secret when it was just created. */
export interface SavedRule {
  rule: RuleView;
  signingSecret: string | null;
}

/** Creates a rule (`ruleId` null) or changes one, then refreshes the list. */
export function useSaveRule(id: string, ruleId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: RuleInput): Promise<SavedRule> =>
      ruleId === null
        ? createRule(id, input)
        : { rule: await updateRule(id, ruleId, input), signingSecret: null },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesKey(id) }),
  });
}

/** Deletes a rule, then refreshes the list. */
export function useDeleteRule(id: string, ruleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteRule(id, ruleId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rulesKey(id) }),
  });
}

/** Runs a rule now, then refreshes its run log. */
export function useRunRule(id: string, ruleId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (issueKey: string) => runRule(id, ruleId, issueKey),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...rulesKey(id), ruleId, 'runs'] }),
  });
}
