/** The simulator's request log, read the way tests ask about it. */
import type { Simulator } from '../../dev/sim';

/** Jira's issue search (`POST /rest/api/3/search/jql`), by operation id. */
export const SEARCH = 'searchAndReconsileIssuesUsingJqlPost';

const WRITES = new Set(['editIssue', 'assignIssue', 'setIssueProperty', 'addComment', 'moveIssuesToSprintAndRank', 'moveIssuesToBacklog']);

/** The writes the simulator received since the log was last cleared. */
export function writesTo(sim: Simulator): string[] {
  return sim.requests().filter((r) => r.operationId !== undefined && WRITES.has(r.operationId)).map((r) => `${r.operationId} ${r.path}`);
}
