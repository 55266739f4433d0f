/**
 * Everything the panel and "apply decision" need about one issue, loaded in two round trips (three
 * on a project's first view of the day, which also reads the site's order: storage/site-order.ts) to
 * Jira: first the field list (when the one stored for the project is over a day old:
 * storage/field-list.ts) and the user's permissions on the issue (which also proves the user can see
 * it: Jira answers 404 otherwise), then the issue itself (and, for apply, its comments). Settings,
 * the policy and the board with its sprints (storage/board-sprints.ts, read as the app when not
 * stored) come from storage once Jira has said the user sees the issue.
 *
 * The project named by the page context is only a hint: the issue's real project is read from Jira
 * and must match, so a forged context cannot apply one project's settings to another's issue.
 */
import type { Board, Sprint } from '../../jira/client/agile-client';
import type { FieldCatalog } from '../../jira/field-catalog';
import type { Ports } from '../../ports';
import { AppError } from '../app-error';
import type { ProjectContext } from '../sprint/project-context';
import { loadPolicyVersion, type LoadedPolicy } from '../storage/policy-versions';
import { boardEstimationField } from '../storage/board-estimation';
import { boardSprints } from '../storage/board-sprints';
import { issuePermissions } from '../storage/issue-permissions';
import { fieldSource } from '../storage/field-list';
import { loadSettings, type LoadedSettings } from '../storage/settings-repository';
import { siteOrderSource } from '../storage/site-order';
import { withSiteOrder, type ProjectSettings } from '../settings/project-settings';
import type { SiteOrder } from '../../domain/site-order';
import { readIssue, type IssueSnapshot } from './issue-snapshot';

/**
 * What the panel asks Jira the user may do on the issue: 2 points each (Jira counts permissions as
 * identity objects), so only what the panel must know up front: applying needs Edit and Schedule
 * Issues, and whether the user may comment decides what a needs-info request offers. Assign Issues
 * is not asked (issue 13, item 4: a fresh panel view within 10 points): Jira answers it when the
 * assignment is made, and a refusal is reported as a skipped step (execute-plan.ts). Administer
 * Projects — whether to offer the link to widen the support filter — is asked only for a ticket the
 * policy does not apply to (get-panel.ts).
 */
export const PANEL_PERMISSIONS = ['EDIT_ISSUES', 'SCHEDULE_ISSUES', 'ADD_COMMENTS'] as const;
export type PanelPermission = (typeof PANEL_PERMISSIONS)[number];

export interface TriageTarget {
  readonly issueKey: string;
  readonly projectKey: string;
  /**
   * The caller (`context.accountId`), when known: the user's permissions on the issue are then
   * remembered for a few minutes and not asked again (storage/issue-permissions.ts).
   */
  readonly accountId?: string;
}

export interface Comment {
  readonly id: string;
  readonly body?: unknown;
}

export interface TriageContext {
  readonly projectKey: string;
  /** The settings, their value maps following the site's order while they are the built-in ones (withSiteOrder). */
  readonly loaded: LoadedSettings;
  /** The project's priorities and Severity options in the site's order (storage/site-order.ts). */
  readonly siteOrder: SiteOrder;
  readonly policy: LoadedPolicy;
  readonly board: Board | null;
  /** Every sprint of the board, oldest first (the rotation counts turns in this order). */
  readonly sprints: readonly Sprint[];
  readonly activeSprint: Sprint | undefined;
  readonly catalog: FieldCatalog;
  readonly issue: IssueSnapshot;
  readonly permissions: Readonly<Record<PanelPermission, boolean>>;
  /** The issue's comments, when asked for. */
  readonly comments?: readonly Comment[];
  readonly notes: readonly string[];
  /** When loading began (before the settings were read). */
  readonly loadedAt: number;
}

export interface TriageLoadOptions {
  /** Load the issue's comments too, when this says so for the project's settings. */
  readonly comments?: (settings: ProjectSettings) => boolean;
  /**
   * Read the board's estimation field whatever the capacity model (in the second round trip), so the
   * field catalog is the one the sprint use cases build (loadProjectContext): the sprint issue cache
   * is keyed by the fields it was read with, and a panel reading the sprint with other fields would
   * make every later update a full read.
   */
  readonly sprintCatalog?: boolean;
}

async function askPermissions(ports: Ports, target: TriageTarget, nowMs: number): Promise<Record<PanelPermission, boolean>> {
  const granted = (await ports.jira.people.myPermissions({ issueKey: target.issueKey }, PANEL_PERMISSIONS)) as Record<PanelPermission, boolean>;
  if (target.accountId) await issuePermissions.remember(ports.store, target.issueKey, target.accountId, nowMs, granted);
  return granted;
}

const startOf = (s: Sprint): number => (s.startDate ? Date.parse(s.startDate) : Number.MAX_SAFE_INTEGER);
/** Oldest first, the same order as loadProjectContext, so the rotation gives the same contact. */
const inTurnOrder = (sprints: readonly Sprint[]): Sprint[] => [...sprints].sort((a, b) => startOf(a) - startOf(b) || a.id - b.id);

export async function loadTriageContext(ports: Ports, target: TriageTarget, options: TriageLoadOptions = {}): Promise<TriageContext> {
  const { issueKey, projectKey } = target;
  const loadedAt = ports.clock.now();
  const fields = fieldSource(ports, projectKey);
  const order = siteOrderSource(ports, projectKey);
  // Jira's answer on the issue (404 when the user cannot see it) comes before anything stored about the
  // project is read. The one exception is the site's field list (field ids and names, which Jira's own
  // GET /field gives any user): it is needed to read the issue in the next round trip.
  // A remembered answer of the last minutes (the panel view before this apply) is this user's own,
  // and the issue is read as the user below, which Jira answers 404 if they can no longer see it.
  const remembered = target.accountId ? await issuePermissions.read(ports.store, issueKey, target.accountId, loadedAt) : undefined;
  const [permissions] = await Promise.all([
    remembered ?? askPermissions(ports, target, loadedAt),
    fields.load(), // the field list (stored for a day; else from Jira in this round trip): the calls below reuse it
  ]);
  // The board and its sprints: stored, else read as the app beside the issue (no round trip of their own).
  const settingsLoad = loadSettings(ports.store, projectKey);
  const boardLoad = boardSprints.start(ports, projectKey, settingsLoad.then((l) => l.settings.boardId ?? null)); // the board chosen in settings
  const stored = await settingsLoad;
  const { settings } = stored;
  const pointsFieldUnknown = (options.sprintCatalog === true || settings.capacity.model === 'points') && !settings.storyPointsFieldId;
  const discover = (storyPointsFieldId: string | null | undefined) =>
    fields.discover({
      ...(storyPointsFieldId ? { storyPointsFieldId } : {}),
      ...(settings.severityFieldId ? { severityFieldId: settings.severityFieldId } : {}),
    });
  const first = await discover(settings.storyPointsFieldId);
  const [issue, { board, sprints }, estimationFieldId, policy, comments] = await Promise.all([
    readIssue(ports.jira, issueKey, first.catalog, { worklogs: settings.capacity.model === 'hours' }),
    boardLoad.all,
    pointsFieldUnknown ? boardLoad.board.then((board) => (board ? boardEstimationField(ports, projectKey, board.id) : undefined)) : Promise.resolve(undefined),
    loadPolicyVersion(ports.store, projectKey, settings.policyVersion),
    options.comments?.(settings) ? ports.jira.issues.comments(issueKey) : Promise.resolve(undefined),
    order.load(), // the site's order, stored for a day (else the project's issue types, as the app, in this round trip)
  ]);
  // The create screen only on the day's first view: one more round trip then, none after.
  const siteOrder = await order.order(settings.supportFilter.issueTypes, first.catalog.severity?.id);
  const loaded: LoadedSettings = { ...stored, settings: withSiteOrder(settings, siteOrder) };
  if (issue.projectKey !== undefined && issue.projectKey !== projectKey) {
    throw new AppError('VALIDATION', `${issue.ticket.key} belongs to project ${issue.projectKey}, not ${projectKey}. Reload the page.`);
  }
  const discovery = estimationFieldId ? await discover(estimationFieldId) : first;
  const ordered = inTurnOrder(sprints);
  const notes = [
    ...(loaded.problem ? [loaded.problem] : []),
    ...(policy.problem ? [policy.problem] : []),
    ...(board ? [] : [`Project ${projectKey} has no Scrum board, so there is no sprint to pull tickets into. Interrupt Budget works with Scrum boards.`]),
    ...discovery.notes,
    ...issue.notes,
  ];
  return {
    projectKey,
    loaded,
    siteOrder,
    policy,
    board,
    sprints: ordered,
    activeSprint: ordered.find((s) => s.state === 'active'),
    catalog: discovery.catalog,
    issue,
    permissions,
    ...(comments ? { comments } : {}),
    notes,
    loadedAt,
  };
}

/** The sprint use cases' view of the same project (for computing a rollup), when it has a board. */
export function projectContextOf(context: TriageContext): ProjectContext | undefined {
  if (!context.board) return undefined;
  return { projectKey: context.projectKey, loaded: context.loaded, siteOrder: context.siteOrder, board: context.board, sprints: context.sprints, catalog: context.catalog, notes: context.notes, loadedAt: context.loadedAt };
}
