/** TanStack Query hooks for an integration's automation rules and their runs. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { RuleInput, RuleRunView, RuleView } from '../src/shared/automation.ts';
import { createRule, deleteRule, listRuleRuns, listRules, runRule } from './rule-endpoints.ts';

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

/** Creates a rule, then refreshes the list. */
export function useCreateRule(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RuleInput) => createRule(id, input),
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
