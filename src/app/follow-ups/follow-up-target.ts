/**
 * What every follow-up write checks on the server before it touches anything (issue 14, item 2):
 * the caller may edit the issue (Jira's own answer for them, 404 when they cannot see it), the issue
 * belongs to the project of the page, it is an interrupt (the app's record of the decision, else the
 * issue property for a decision recorded before the app kept its own) and it is resolved. The panel
 * hides the section otherwise, but a request can come from anywhere, so the rules are enforced here.
 *
 * Cost: two requests (the permission and a small read of the issue), one when the panel's
 * permission answer of the last minutes is remembered (storage/issue-permissions.ts).
 */
import { z } from 'zod';
import { DECISION_PROPERTY_KEY } from '../../domain/decision';
import { followUpsApply, type FollowUpKind } from '../../domain/follow-ups';
import { readDecisionProperty } from '../../jira/decision-property';
import type { Ports } from '../../ports';
import { AppError } from '../app-error';
import type { TriageTarget } from '../decision/triage-context';
import { readLatestDecision } from '../storage/decision-audit';
import { followUpRecords, type FollowUpRecord } from '../storage/follow-ups';
import { issuePermissions } from '../storage/issue-permissions';
import { loadSettings } from '../storage/settings-repository';

/** The fields of the issue a follow-up needs, as Jira's issue JSON has them (validated: it crosses a boundary). */
const issueSchema = z.object({
  id: z.string(),
  key: z.string(),
  fields: z
    .object({
      summary: z.string().nullish(),
      project: z.object({ id: z.string(), key: z.string() }).loose(),
      status: z.object({ name: z.string().optional(), statusCategory: z.object({ key: z.string() }).loose().optional() }).loose().nullish(),
    })
    .loose(),
  properties: z.record(z.string(), z.unknown()).optional(),
}).loose();

export const FOLLOW_UP_ISSUE_FIELDS = ['summary', 'project', 'status'] as const;

export interface FollowUpTarget {
  readonly issueKey: string;
  readonly issueId: string;
  readonly summary: string;
  readonly projectKey: string;
  readonly projectId: string;
  /** The follow-ups the team uses, in its order (settings). */
  readonly kinds: readonly FollowUpKind[];
  /** The project's time zone, to say when someone else saved. */
  readonly timeZone: string;
  /** The stored checklist, when there is a valid one. */
  readonly stored: FollowUpRecord | undefined;
  /** The stored record is damaged (treated as none). */
  readonly damaged: boolean;
}

/** Whether the user may edit the issue: a remembered panel answer (which holds Edit Issues), else Jira's. */
async function mayEdit(ports: Ports, target: TriageTarget & { accountId: string }): Promise<boolean> {
  if (await issuePermissions.read(ports.store, target.issueKey, target.accountId, ports.clock.now())) return true;
  const granted = await ports.jira.people.myPermissions({ issueKey: target.issueKey }, ['EDIT_ISSUES']);
  return granted.EDIT_ISSUES === true;
}

export async function loadFollowUpTarget(ports: Ports, target: TriageTarget & { accountId: string }): Promise<FollowUpTarget> {
  const { issueKey, projectKey } = target;
  // Jira's answer first (a 404 for an issue the user cannot see ends the call before storage is read).
  const [canEdit, raw] = await Promise.all([mayEdit(ports, target), ports.jira.issues.get(issueKey, FOLLOW_UP_ISSUE_FIELDS, [DECISION_PROPERTY_KEY])]);
  const parsed = issueSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('UNAVAILABLE', `Jira sent something for ${issueKey} that is not an issue. Reload the page; if it keeps happening, tell your Jira admin.`);
  const issue = parsed.data;
  if (issue.fields.project.key !== projectKey) throw new AppError('VALIDATION', `${issue.key} belongs to project ${issue.fields.project.key}, not ${projectKey}. Reload the page.`);
  if (!canEdit) throw new AppError('FORBIDDEN', `Recording follow-ups needs the Edit Issues permission in ${projectKey}. Ask a project admin for it, or ask someone who may edit ${issue.key}.`);
  const [latest, loaded, record] = await Promise.all([readLatestDecision(ports.store, issue.key), loadSettings(ports.store, projectKey), followUpRecords.read(ports.store, issue.key)]);
  if (loaded.settings.followUpKinds.length === 0) {
    throw new AppError('VALIDATION', `Your team records no follow-ups after an interrupt. A project admin can choose them in ${projectKey}'s Interrupt Budget settings.`);
  }
  const decision = latest.entry?.decision ?? (latest.problem ? undefined : readDecisionProperty(issue.properties?.[DECISION_PROPERTY_KEY]).decision);
  const category = issue.fields.status?.statusCategory?.key ?? 'unknown';
  if (!followUpsApply(decision?.outcome, category)) {
    throw new AppError(
      'VALIDATION',
      decision?.outcome !== 'interrupt'
        ? `Follow-ups are for interrupts, and ${issue.key} was not decided as one. Reload the page.`
        : `${issue.key} is not resolved yet: follow-ups can be recorded once it is done. Reload the page after resolving it.`,
    );
  }
  return {
    issueKey: issue.key,
    issueId: issue.id,
    summary: issue.fields.summary ?? '',
    projectKey,
    projectId: issue.fields.project.id,
    kinds: loaded.settings.followUpKinds,
    timeZone: loaded.settings.capacity.timeZone,
    stored: record.value,
    damaged: record.problem !== undefined,
  };
}
