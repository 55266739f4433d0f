/**
 * The operations the simulator serves: every one the app uses (`JIRA_OPERATIONS`, src/jira/operations.ts),
 * plus the few that live next to them in Jira and that other clients call, so the simulator is a Jira for
 * any client. These extras are the simulator's alone: the app does not call them, and adding one here
 * does not add it to the app's operations.
 */
import { JIRA_OPERATIONS, type JiraOperation } from '../../../src/jira/operations';

export const SIM_ONLY_OPERATIONS = {
  /** The GET twin of `searchAndReconsileIssuesUsingJqlPost`: the same search, its parameters in the query. */
  searchAndReconsileIssuesUsingJql: { method: 'GET', path: '/rest/api/3/search/jql', spec: 'platform' },
} as const satisfies Record<string, JiraOperation>;

export const SIM_OPERATIONS = { ...JIRA_OPERATIONS, ...SIM_ONLY_OPERATIONS } as const;

/** An operation the simulator serves, by the operationId Atlassian's OpenAPI specs give it. */
export type SimOperationId = keyof typeof SIM_OPERATIONS;

const PATTERNS = (Object.entries(SIM_OPERATIONS) as [SimOperationId, JiraOperation][]).map(
  ([id, op]) => [id, op.method, new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`)] as const,
);

/** The operation a concrete request is for (path params are single segments), as `matchOperation` does. */
export function matchSimOperation(method: string, path: string): SimOperationId | undefined {
  const pathOnly = path.split('?')[0] ?? path;
  const upper = method.toUpperCase();
  return PATTERNS.find(([, opMethod, pattern]) => opMethod === upper && pattern.test(pathOnly))?.[0];
}
