/**
 * `panel.createCorrectiveAction` (issue 14, item 2): one click creates the corrective action of a
 * resolved interrupt, as the user — a Task (else a Story) in the ticket's project, with no sprint so
 * it lands in the backlog, summary "Corrective action for KEY: <summary>" and a description naming
 * the ticket — links it to the ticket ("Relates") and records it as the corrective action, done.
 *
 * Half-done writes are said as they are, never hidden: Jira creates the issue first, so
 * - a link Jira refuses leaves the issue created and recorded, and the answer says to link it by hand;
 * - a save of the checklist that someone else's beat in the meantime is retried on top of theirs
 *   (only the corrective action is added), because the created issue must not be lost;
 * - a create Jira did not confirm may have happened: the answer says where to look, and nothing is
 *   recorded (the create is never sent again: jira-http.ts).
 * The revision check and "already has one" come before the create, so a stale panel creates nothing,
 * and two clicks at once (two people, two tabs) create one issue: each first claims the create at the
 * revision shown with a create-only write (keys.followUpCreate), and the one that finds the claim
 * taken creates nothing. A recorded corrective action is never overwritten by a create racing it.
 */
import type { CreateCorrectiveActionPayload, FollowUpsSaved } from '../../contract/follow-ups';
import { JiraError, UncertainWrite } from '../../jira/errors';
import type { Ports } from '../../ports';
import { AppError } from '../app-error';
import type { TriageTarget } from '../decision/triage-context';
import { followUpRecords, type FollowUpRecord } from '../storage/follow-ups';
import { keys } from '../storage/keys';
import { loadFollowUpTarget, type FollowUpTarget } from './follow-up-target';
import { followUpsConflict } from './follow-up-view';
import { savedAnswer } from './set-follow-ups';

/** Jira's summary limit. */
const MAX_SUMMARY = 255;
/** Which issue type the corrective action is, in order of preference. */
const ISSUE_TYPES = ['Task', 'Story'] as const;
const SAVE_ATTEMPTS = 3;

export const correctiveActionSummary = (issueKey: string, summary: string): string => {
  const text = `Corrective action for ${issueKey}: ${summary}`.trim();
  return text.length <= MAX_SUMMARY ? text : `${text.slice(0, MAX_SUMMARY - 1)}…`;
};

/** The description in Atlassian Document Format (API v3 takes no plain text). */
export function correctiveActionDescription(issueKey: string, summary: string): unknown {
  const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  return {
    type: 'doc',
    version: 1,
    content: [
      paragraph(`Corrective action for the interrupt ${issueKey}${summary ? ` (${summary})` : ''}: what we change so that it does not happen again.`),
      paragraph('Created from the interrupt\'s follow-ups in Interrupt Budget.'),
    ],
  };
}

async function issueTypeId(ports: Ports, target: FollowUpTarget): Promise<string> {
  const project = await ports.jira.config.project(target.projectKey);
  const type = ISSUE_TYPES.map((name) => project.issueTypes.find((t) => t.name.toLowerCase() === name.toLowerCase())).find((t) => t !== undefined);
  if (!type) throw new AppError('VALIDATION', `Project ${target.projectKey} has no Task or Story issue type to create the corrective action as. Create it in Jira by hand and enter its key.`);
  return type.id;
}

async function create(ports: Ports, target: FollowUpTarget, typeId: string): Promise<string> {
  const summary = correctiveActionSummary(target.issueKey, target.summary);
  try {
    return (await ports.jira.issues.create({ projectId: target.projectId, issueTypeId: typeId, summary, description: correctiveActionDescription(target.issueKey, target.summary) })).key;
  } catch (error) {
    if (error instanceof UncertainWrite) {
      throw new AppError('UNAVAILABLE', `Jira did not confirm creating the corrective action, so it may exist: look in the ${target.projectKey} backlog for "${summary}" and enter its key, or create it again if it is not there.`);
    }
    if (error instanceof JiraError && error.kind === 'Forbidden') throw new AppError('FORBIDDEN', `Creating the corrective action needs the Create Issues permission in ${target.projectKey}. Ask a project admin for it, or enter the key of an existing issue.`);
    if (error instanceof JiraError && error.kind === 'BadRequest') throw new AppError('VALIDATION', `Jira refused to create the corrective action (${error.userMessage.replace(/\.$/, '')}). Create it in Jira by hand and enter its key.`);
    throw error;
  }
}

/**
 * Record the created issue, on top of whatever is stored by now (it must not be lost to a concurrent
 * save). A corrective action someone recorded in the meantime is kept: the answer is that key, and
 * the caller says both.
 */
async function record(ports: Ports, target: FollowUpTarget, accountId: string, issueKey: string): Promise<FollowUpRecord | { readonly kept: string } | undefined> {
  let base = target.stored;
  for (let attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
    const recorded = base?.items['corrective-action']?.issueKey;
    if (recorded && recorded !== issueKey) return { kept: recorded };
    const items = { ...base?.items, 'corrective-action': { done: true, issueKey } };
    const written = await followUpRecords.write(ports.store, target.issueKey, { items, baseRevision: base?.revision ?? 0, accountId, at: ports.clock.now() });
    if (written.ok) return written.record;
    base = written.current ?? (await followUpRecords.read(ports.store, target.issueKey)).value;
  }
  return undefined;
}

export async function createCorrectiveAction(ports: Ports, caller: TriageTarget & { accountId: string }, payload: CreateCorrectiveActionPayload): Promise<FollowUpsSaved> {
  const target = await loadFollowUpTarget(ports, caller);
  if (payload.baseRevision !== (target.stored?.revision ?? 0)) throw await followUpsConflict(ports, caller.accountId, target.stored, target.timeZone);
  if (!target.kinds.includes('corrective-action')) throw new AppError('VALIDATION', 'Your team does not record corrective actions as a follow-up. A project admin can turn them on in the project\'s Interrupt Budget settings.');
  const existing = target.stored?.items['corrective-action']?.issueKey;
  if (existing) throw new AppError('VALIDATION', `${target.issueKey} already has a corrective action, ${existing}. Clear it and save first to create another.`);

  const typeId = await issueTypeId(ports, target);
  const claim = keys.followUpCreate(target.issueKey, payload.baseRevision);
  if (!(await ports.store.setIfAbsent(claim, { schemaVersion: 1, by: caller.accountId, at: ports.clock.now() })).ok) {
    throw new AppError('CONFLICT', `Someone is creating the corrective action of ${target.issueKey} at this moment, or just did. Reload the page to see it.`);
  }
  let key: string;
  try {
    key = await create(ports, target, typeId);
  } catch (error) {
    // Nothing was created (or the answer says where to look first): the next click may try again.
    await ports.store.delete(claim);
    throw error;
  }
  let linked = true;
  try {
    await ports.jira.issues.link('Relates', key, target.issueKey);
  } catch (error) {
    if (!(error instanceof JiraError)) throw error;
    linked = false;
  }
  const saved = await record(ports, target, caller.accountId, key);
  if (saved && 'kept' in saved) {
    throw new AppError('CONFLICT', `Created ${key} in the backlog${linked ? ` and linked it to ${target.issueKey}` : ''}, but meanwhile someone recorded ${saved.kept} as the corrective action, so ${key} is not recorded: reload the page, then keep one of the two and close the other in Jira.`);
  }
  if (!saved) {
    throw new AppError('CONFLICT', `Created ${key} in the backlog${linked ? ` and linked it to ${target.issueKey}` : ''}, but others kept saving the follow-ups at the same moment, so it is not recorded yet: reload the page and enter ${key} as the corrective action.`);
  }
  const message = linked
    ? `Created ${key} in the ${target.projectKey} backlog, linked it to ${target.issueKey} and recorded it as the corrective action.`
    : `Created ${key} in the ${target.projectKey} backlog and recorded it as the corrective action, but Jira did not link it to ${target.issueKey}: link the two issues in Jira by hand.`;
  return savedAnswer(ports, target, saved, message, { issueKey: key, linked });
}
