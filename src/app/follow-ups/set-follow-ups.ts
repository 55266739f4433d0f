/**
 * `panel.setFollowUps` (issue 14, item 2): save an interrupt's follow-ups checklist, as the user.
 * Only for someone who may edit the issue, only on a resolved interrupt (follow-up-target.ts), only
 * on top of the revision the panel showed (a save that someone else's beat answers CONFLICT naming
 * who and when; two saves at once cannot both win: storage/follow-ups.ts). A corrective-action issue
 * key is checked with Jira as the user: it must exist and they must see it, so the retrospective
 * never lists an issue nobody can open. Follow-ups the team does not use are kept as stored.
 */
import type { FollowUpsSaved, SetFollowUpsPayload } from '../../contract/follow-ups';
import { FOLLOW_UP_KINDS, type FollowUpItem, type FollowUps } from '../../domain/follow-ups';
import { JiraError } from '../../jira/errors';
import type { Ports } from '../../ports';
import { AppError } from '../app-error';
import type { TriageTarget } from '../decision/triage-context';
import { peopleDirectory } from '../people/people-directory';
import { followUpRecords, type FollowUpRecord } from '../storage/follow-ups';
import { loadFollowUpTarget, type FollowUpTarget } from './follow-up-target';
import { followUpsConflict, followUpsView } from './follow-up-view';

const ISSUE_KEY_FIELD = 'items.corrective-action.issueKey';

/** The saved checklist: the used kinds as sent (a kind not sent is cleared), the others as stored. */
function merged(target: FollowUpTarget, items: FollowUps): FollowUps {
  const result: Partial<Record<(typeof FOLLOW_UP_KINDS)[number], FollowUpItem>> = {};
  for (const kind of FOLLOW_UP_KINDS) {
    const item = target.kinds.includes(kind) ? items[kind] : target.stored?.items[kind];
    if (item) result[kind] = item;
  }
  return result;
}

/** A corrective-action issue the user cannot open is refused, next to the field. */
async function checkCorrectiveAction(ports: Ports, target: FollowUpTarget, issueKey: string | undefined): Promise<void> {
  if (!issueKey || issueKey === target.stored?.items['corrective-action']?.issueKey) return;
  const refuse = (message: string) => new AppError('VALIDATION', message, { [ISSUE_KEY_FIELD]: message });
  if (issueKey === target.issueKey) throw refuse(`The corrective action must be another issue than ${target.issueKey} itself: enter the key of the issue that fixes the cause.`);
  try {
    await ports.jira.issues.get(issueKey, ['summary']);
  } catch (error) {
    if (error instanceof JiraError && error.kind === 'NotFound') throw refuse(`${issueKey} does not exist, or you may not see it: check the key, or create the corrective action in the backlog.`);
    throw error;
  }
}

/** The answer to a save: the checklist as stored now, with who saved it by name. */
export async function savedAnswer(ports: Ports, target: FollowUpTarget, record: FollowUpRecord, message: string, created?: FollowUpsSaved['created']): Promise<FollowUpsSaved> {
  const { people } = await peopleDirectory(ports, [record.updatedBy]);
  return { followUps: followUpsView(record, target.kinds, true, target.projectKey), people, message, ...(created ? { created } : {}) };
}

export async function setFollowUps(ports: Ports, caller: TriageTarget & { accountId: string }, payload: SetFollowUpsPayload): Promise<FollowUpsSaved> {
  const target = await loadFollowUpTarget(ports, caller);
  if (payload.baseRevision !== (target.stored?.revision ?? 0)) throw await followUpsConflict(ports, caller.accountId, target.stored, target.timeZone);
  const items = merged(target, payload.items);
  await checkCorrectiveAction(ports, target, items['corrective-action']?.issueKey);
  const written = await followUpRecords.write(ports.store, target.issueKey, { items, baseRevision: payload.baseRevision, accountId: caller.accountId, at: ports.clock.now() });
  if (!written.ok) throw await followUpsConflict(ports, caller.accountId, written.current, target.timeZone);
  return savedAnswer(ports, target, written.record, `Follow-ups of ${target.issueKey} saved.`);
}
