/**
 * Fresh, open, undecided support tickets added to the simulator's live site, for tests that apply
 * decisions to many tickets. Apply is refused on tickets outside the policy's scope (not support
 * work, or done: domain/triage-scope.ts), and the demo seed has only about ten open undecided
 * support tickets, so a test that needs fifty makes its own instead of applying to whatever ticket
 * is there. Each one is a Bug in "Open" (To Do), in the backlog (no sprint), without comments, an
 * `interruptBudget` property, worklogs or security level; by default Low priority and Sev 3, which
 * the default policy defers (`backlog`), so a test knows its verdict. Browser tests use it too, on
 * the preview's simulator (`e2e.sim`).
 */
import type { Simulator } from '../../dev/sim';
import { PRIORITIES, SEVERITY_OPTIONS } from '../../dev/sim/site/catalog';
import type { SiteIssue } from '../../dev/sim/site/model';

export interface OpenSupportTicketOptions {
  /** Default `SUP`. */
  readonly projectKey?: string;
  /** A priority name of the demo site (`Highest` … `Lowest`); default `Low`. */
  readonly priority?: string;
  /** A Severity option (`Sev 1` … `Sev 4`), or null for none; default `Sev 3`. */
  readonly severity?: string | null;
  /** The issue type's name; default `Bug`. */
  readonly issueType?: string;
  /** The status's name; default `Open`. */
  readonly status?: string;
  /** Labels; default none (a Bug is support work by its type). */
  readonly labels?: readonly string[];
  /** Sprint ids; default none (the backlog). */
  readonly sprintIds?: readonly number[];
  /** When it was created (and last updated); default two hours before the site's now. */
  readonly createdMs?: number;
}

/** Add `count` tickets to the site and answer their keys, in creation order. */
export function addOpenSupportTickets(sim: Simulator, count: number, options: OpenSupportTicketOptions = {}): string[] {
  const project = sim.store.project(options.projectKey ?? 'SUP');
  if (!project) throw new Error(`No project ${options.projectKey ?? 'SUP'} on the demo site`);
  const typeName = options.issueType ?? 'Bug';
  const type = project.issueTypes.find((t) => t.name === typeName);
  const statusName = options.status ?? 'Open';
  const status = project.statuses.find((s) => s.name === statusName);
  const priority = PRIORITIES.find((p) => p.name === (options.priority ?? 'Low'));
  const severityValue = options.severity === undefined ? 'Sev 3' : options.severity;
  const severity = severityValue === null ? null : SEVERITY_OPTIONS.find((o) => o.value === severityValue);
  if (!type || !status || !priority || severity === undefined) throw new Error(`The demo site has no ${typeName} / ${statusName} / ${options.priority ?? 'Low'} / ${String(severityValue)}`);

  const reporter = sim.users.po.accountId;
  const createdMs = options.createdMs ?? sim.clock.now() - 2 * 60 * 60_000;
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    const maxId = Math.max(...sim.store.issues.map((x) => Number(x.id)));
    const maxNumber = Math.max(...sim.store.issues.filter((x) => x.projectId === project.id).map((x) => Number(x.key.split('-')[1])));
    const issue: SiteIssue = {
      id: String(maxId + 1),
      key: `${project.key}-${maxNumber + 1}`,
      projectId: project.id,
      summary: `Customer cannot export the monthly report (test ticket ${i + 1})`,
      typeId: type.id,
      statusId: status.id,
      priorityId: priority.id,
      resolutionId: null,
      labels: [...(options.labels ?? [])],
      componentIds: [],
      createdMs,
      updatedMs: createdMs,
      resolvedMs: null,
      assigneeId: null,
      reporterId: reporter,
      points: null,
      severityId: severity === null ? null : severity.id,
      sprintIds: [...(options.sprintIds ?? [])],
      slas: [],
      worklogs: [],
      comments: [],
      properties: {},
      rank: Math.max(...sim.store.issues.map((x) => x.rank)) + 1,
      originalEstimateSeconds: null,
      securityLevelId: null,
    };
    sim.store.addIssue(issue);
    keys.push(issue.key);
  }
  return keys;
}
