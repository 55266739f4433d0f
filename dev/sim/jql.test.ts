/**
 * Each JQL feature the app generates, over HTTP: the simulator's answer must equal the issues picked
 * straight from the store by plain code (not by the JQL engine). The searches run as dev, who is not
 * in SUP's "Staff only" security level, so the issues with a level are never among the answers.
 */
import { callerFor, type Caller, type SearchPage } from './http-client';
import { startSimulator, type Simulator } from './index';
import type { SiteIssue } from './site/model';

const NOW = Date.parse('2026-11-23T09:00:00Z');
const DAY = 86_400_000;
let sim: Simulator;
let dev: Caller;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  dev = callerFor(sim, 'dev');
});
afterAll(() => sim.close());

async function keys(jql: string): Promise<string[]> {
  const response = await dev<SearchPage>('POST', '/rest/api/3/search/jql', { jql, fields: ['key'], maxResults: 5000 });
  if (response.status !== 200) throw new Error(`${jql}: ${response.text}`);
  expect(response.json.isLast).toBe(true);
  return response.json.issues.map((i) => i.key ?? '');
}

const SUP = '10000';
const TEAM = '10001';
const status = (i: SiteIssue) => sim.store.projectOf(i).statuses.find((s) => s.id === i.statusId);
const type = (i: SiteIssue) => sim.store.projectOf(i).issueTypes.find((t) => t.id === i.typeId)?.name;
const sprintState = (id: number) => sim.store.sprint(id)?.state;
const decision = (i: SiteIssue) => i.properties.interruptBudget as Record<string, unknown> | undefined;
const activeSprint = (projectId: string) => sim.store.sprints.find((s) => s.state === 'active' && sim.store.board(s.boardId)?.projectId === projectId);
const inSup = (p: (i: SiteIssue) => boolean) => (i: SiteIssue) => i.projectId === SUP && p(i);
/** Dev sees an issue unless it has a security level (the demo site's only level leaves dev out). */
const seenByDev = (i: SiteIssue) => i.securityLevelId === null;

const CASES: [string, (i: SiteIssue) => boolean][] = [
  ['project = SUP', (i) => i.projectId === SUP],
  ['project in (SUP, TEAM) AND issuetype = Bug', (i) => type(i) === 'Bug'],
  ['project = TEAM AND type in (Bug, "Support request")', (i) => i.projectId === TEAM && ['Bug', 'Support request'].includes(type(i) ?? '')],
  ['sprint = 3', (i) => i.sprintIds.includes(3)],
  ['sprint = "TEAM Sprint 4"', (i) => i.sprintIds.includes(18)],
  ['project = SUP AND sprint in openSprints()', inSup((i) => i.sprintIds.some((s) => ['active', 'future'].includes(sprintState(s) ?? '')))],
  ['project = TEAM AND sprint in closedSprints()', (i) => i.projectId === TEAM && i.sprintIds.some((s) => sprintState(s) === 'closed')],
  ['project = SUP AND sprint is EMPTY', inSup((i) => i.sprintIds.length === 0)],
  ['project = SUP AND sprint not in openSprints()', inSup((i) => i.sprintIds.length > 0 && !i.sprintIds.some((s) => sprintState(s) !== 'closed'))],
  ['project = SUP AND labels = support', inSup((i) => i.labels.includes('support'))],
  ['project = SUP AND labels in (support, "customer-reported")', inSup((i) => i.labels.some((l) => ['support', 'customer-reported'].includes(l)))],
  ['project = SUP AND labels != support', inSup((i) => i.labels.length > 0 && !i.labels.includes('support'))],
  ['project = SUP AND labels not in (support, interrupt)', inSup((i) => i.labels.length > 0 && !i.labels.some((l) => ['support', 'interrupt'].includes(l)))],
  ['project = SUP AND labels is EMPTY', inSup((i) => i.labels.length === 0)],
  ['project = SUP AND NOT labels = support', inSup((i) => !i.labels.includes('support'))],
  ['project = SUP AND status = "In Progress"', inSup((i) => status(i)?.name === 'In Progress')],
  ['project = SUP AND status in (Open, "Waiting for support")', inSup((i) => ['Open', 'Waiting for support'].includes(status(i)?.name ?? ''))],
  ['project = TEAM AND statusCategory = Done', (i) => i.projectId === TEAM && status(i)?.category === 'done'],
  ['project = SUP AND statusCategory != Done', inSup((i) => status(i)?.category !== 'done')],
  ['project = SUP AND statusCategory in ("To Do", indeterminate)', inSup((i) => ['new', 'indeterminate'].includes(status(i)?.category ?? ''))],
  ['project = SUP AND priority = Highest', inSup((i) => i.priorityId === '1')],
  ['project = SUP AND priority in (High, Highest)', inSup((i) => ['1', '2'].includes(i.priorityId ?? ''))],
  ['project = SUP AND priority > Medium', inSup((i) => ['1', '2'].includes(i.priorityId ?? ''))],
  ['project = SUP AND priority is EMPTY', inSup((i) => i.priorityId === null)],
  ['project = SUP AND level is EMPTY', inSup((i) => i.securityLevelId === null)],
  ['key = SUP-5', (i) => i.key === 'SUP-5'],
  ['issuekey in (SUP-1, TEAM-2, sup-3)', (i) => ['SUP-1', 'TEAM-2', 'SUP-3'].includes(i.key)],
  ['project = SUP AND key not in (SUP-1, SUP-2)', inSup((i) => !['SUP-1', 'SUP-2'].includes(i.key))],
  ['id = 10010', (i) => i.id === '10010'],
  ['project = SUP AND assignee = currentUser()', inSup((i) => i.assigneeId === sim.users.dev.accountId)],
  ['project = SUP AND assignee is EMPTY', inSup((i) => i.assigneeId === null)],
  ['project = TEAM AND assignee = "mia@demo.test"', (i) => i.projectId === TEAM && i.assigneeId === '5b10a2844c20165700ede21g'],
  ['project = SUP AND created >= "2026-11-01"', inSup((i) => i.createdMs >= Date.parse('2026-11-01T00:00:00Z'))],
  ['project = SUP AND created < "2026/10/01 10:00"', inSup((i) => i.createdMs < Date.parse('2026-10-01T10:00:00Z'))],
  ['project = SUP AND created >= -14d', inSup((i) => i.createdMs >= NOW - 14 * DAY)],
  ['project = TEAM AND updated >= -2w', (i) => i.projectId === TEAM && i.updatedMs >= NOW - 14 * DAY],
  ['project = SUP AND created > -1h', inSup((i) => i.createdMs > NOW - 3_600_000)],
  ['project = SUP AND resolved >= -4w', inSup((i) => i.resolvedMs !== null && i.resolvedMs >= NOW - 28 * DAY)],
  ['project = SUP AND resolutiondate is EMPTY', inSup((i) => i.resolvedMs === null)],
  ['project = SUP AND resolution = Unresolved', inSup((i) => i.resolutionId === null)],
  ['project = SUP AND created >= startOfDay(-3)', inSup((i) => i.createdMs >= Date.parse('2026-11-20T00:00:00Z'))],
  ['project = SUP AND issue.property[interruptBudget].outcome = "interrupt"', inSup((i) => decision(i)?.outcome === 'interrupt')],
  ['project = TEAM AND interruptOutcome = backlog', (i) => i.projectId === TEAM && decision(i)?.outcome === 'backlog'],
  ['project = SUP AND interruptSuggestion = interrupt', inSup((i) => (decision(i)?.suggestion as { outcome?: string } | undefined)?.outcome === 'interrupt')],
  ['project = SUP AND interruptOutcome is EMPTY', inSup((i) => decision(i)?.outcome === undefined)],
  ['project = SUP AND interruptSprint = 13', inSup((i) => decision(i)?.sprintId === 13)],
  ['project = SUP AND interruptDecidedAt >= -7d', inSup((i) => typeof decision(i)?.decidedAt === 'string' && Date.parse(decision(i)?.decidedAt as string) >= NOW - 7 * DAY)],
  ['project = SUP AND interruptDecidedBy = currentUser()', () => false],
  ['project = SUP AND issue.property[interruptBudget].reason = "x"', () => false],
  ['project = SUP AND (priority = Highest OR Severity = "Sev 1")', inSup((i) => i.priorityId === '1' || i.severityId === '10118')],
  ['project = SUP AND cf[10081] = "Sev 2"', inSup((i) => i.severityId === '10120')],
  ['project = SUP AND cf[10081] is EMPTY AND type = Bug', inSup((i) => i.severityId === null && type(i) === 'Bug')],
  ['project = SUP AND "Story Points" >= 5', inSup((i) => (i.points ?? -1) >= 5)],
  ['project = TEAM AND "Story point estimate" is EMPTY', (i) => i.projectId === TEAM && i.points === null],
  ['component = Payments', (i) => i.componentIds.includes('10010')],
  ['project = SUP AND "Time to resolution" = paused()', inSup((i) => i.slas.some((s) => s.name === 'Time to resolution' && s.ongoing?.paused === true))],
  ['project = SUP AND summary ~ "nightly batch"', inSup((i) => i.summary.toLowerCase().includes('nightly batch'))],
  ['project = SUP AND sprint = 13 AND NOT (labels = support OR labels = interrupt)', inSup((i) => i.sprintIds.includes(13) && !i.labels.some((l) => ['support', 'interrupt'].includes(l)))],
];

describe('JQL', () => {
  it.each(CASES)('%s', async (jql, predicate) => {
    const expected = sim.store.issues.filter((i) => seenByDev(i) && predicate(i)).map((i) => i.key);
    expect((await keys(jql)).sort()).toEqual(expected.sort());
  });

  it('finds something for most queries (the table is not vacuous)', () => {
    const nonEmpty = CASES.filter(([, p]) => sim.store.issues.some(p)).length;
    expect(nonEmpty).toBeGreaterThan(CASES.length - 4);
  });

  it('matches the active sprint ids the table assumes', () => {
    expect(activeSprint(SUP)?.id).toBe(13);
    expect(sim.store.sprint(18)?.name).toBe('TEAM Sprint 4');
  });
});

describe('ORDER BY', () => {
  const supIssues = () => sim.store.issues.filter((i) => i.projectId === SUP && seenByDev(i));
  it.each<[string, (a: SiteIssue, b: SiteIssue) => number]>([
    ['project = SUP ORDER BY created ASC', (a, b) => a.createdMs - b.createdMs || Number(b.id) - Number(a.id)],
    ['project = SUP ORDER BY updated DESC', (a, b) => b.updatedMs - a.updatedMs || Number(b.id) - Number(a.id)],
    ['project = SUP ORDER BY key DESC', (a, b) => Number(b.key.split('-')[1]) - Number(a.key.split('-')[1])],
    ['project = SUP ORDER BY rank', (a, b) => a.rank - b.rank],
    [
      // Empty values sort as the largest: last ascending, first descending.
      'project = SUP ORDER BY priority DESC, key ASC',
      (a, b) => {
        const weight = (i: SiteIssue) => (i.priorityId === null ? 99 : 6 - Number(i.priorityId));
        return weight(b) - weight(a) || Number(a.key.split('-')[1]) - Number(b.key.split('-')[1]);
      },
    ],
  ])('%s', async (jql, compare) => {
    expect(await keys(jql)).toEqual([...supIssues()].sort(compare).map((i) => i.key));
  });
});
