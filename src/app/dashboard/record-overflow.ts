/**
 * The overflow decision (`dashboard.recordOverflow`): when support has used more than the sprint's
 * budget, the product owner must say how the team absorbs it — swap planned work out, abort and
 * re-plan the sprint, or accept the overrun with a reason — instead of letting it slide silently.
 *
 * Only for a sprint whose status is `over` (judged on the current snapshot), only by someone who
 * may schedule issues in the project (the people who plan sprints), and recorded with who and when.
 * A later decision replaces the earlier one: the product owner may change their mind.
 */
import type { OverflowChoice, RecordOverflowPayload, RecordOverflowResult } from '../../contract/dashboard';
import type { Ports } from '../../ports';
import { AppError } from '../app-error';
import { loadProjectContext } from '../sprint/project-context';
import { sprintSnapshot } from '../sprint/sprint-snapshot';
import { sprintRecords, type OverflowDecision } from '../storage/sprint-records';
import { overflowView } from './dashboard-view';
import { chosenSprint } from './get-dashboard';

/** The contract and the stored record must offer the same choices (checked by the compiler). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const choicesAgree: Same<OverflowChoice, OverflowDecision['choice']> = true;
void choicesAgree;

export const SCHEDULE_PERMISSION = 'SCHEDULE_ISSUES';

const STATUS_WORDS = { ok: 'within its support budget', 'at-risk': 'at risk but still within its support budget', over: 'over its support budget' } as const;

export async function recordOverflow(ports: Ports, who: { accountId: string; projectKey: string }, payload: RecordOverflowPayload): Promise<RecordOverflowResult> {
  const { accountId, projectKey } = who;
  const reason = payload.reason?.trim();
  if (payload.choice === 'accept-overrun' && !reason) {
    throw new AppError('VALIDATION', 'Say why the team accepts the overrun: a reason is required.', { reason: 'A reason is required to accept the overrun.' });
  }
  const allowed = await ports.jira.people.myPermissions({ projectKey }, [SCHEDULE_PERMISSION]);
  if (!allowed[SCHEDULE_PERMISSION]) {
    throw new AppError('FORBIDDEN', `Recording an overflow decision needs the Schedule Issues permission in ${projectKey}. Ask a project admin for it, or ask the product owner to record the decision.`);
  }
  const context = await loadProjectContext(ports, projectKey);
  const sprint = chosenSprint(context, payload.sprintId);
  if (!sprint) throw new AppError('NOT_FOUND', `Sprint ${payload.sprintId} was not found.`);
  const { rollup } = await sprintSnapshot(ports, context, sprint);
  if (rollup.budgetMode === 'track') {
    throw new AppError('CONFLICT', `${sprint.name} reserves no support buffer (the team tracks support and shows its cost), so there is no overflow to decide.`);
  }
  if (rollup.status !== 'over') {
    throw new AppError('CONFLICT', `${sprint.name} is ${STATUS_WORDS[rollup.status]}, so there is no overflow to decide. An overflow decision is asked for once support uses more than the budget.`);
  }
  const decision: OverflowDecision = {
    schemaVersion: 1,
    sprintId: sprint.id,
    choice: payload.choice,
    ...(reason ? { reason } : {}),
    decidedBy: accountId,
    decidedAt: new Date(ports.clock.now()).toISOString(),
  };
  const stored = await sprintRecords.overflow.write(ports.store, projectKey, decision);
  return { sprintId: sprint.id, decision: overflowView(stored) };
}
