/**
 * Driving the panel's resolvers the way Forge does, against the Jira simulator over real HTTP:
 * `buildResolverHandler(portsFactory)({ call, context }, { principal, installContext })`, with Jira
 * reached as the simulator login whose accountId the platform put in the call. Also the independent
 * side of the tests: tickets rebuilt straight from the simulator's store, for expectations worked
 * out with the domain rather than read back from the app.
 */
import type { Simulator } from '../../dev/sim';
import { PRIORITIES, SEVERITY_OPTIONS } from '../../dev/sim/site/catalog';
import type { SlaCycle as SiteSlaCycle, SlaValue } from '../../dev/sim/site/model';
import type { Envelope } from '../../src/contract/envelope';
import type { SlaClock } from '../../src/domain/sla';
import type { Ticket } from '../../src/domain/ticket';
import { BasicAuthTransport } from '../../src/jira/basic-auth-transport';
import { readDecisionProperty } from '../../src/jira/decision-property';
import type { Clock as HttpClock } from '../../src/jira/jira-http';
import { JiraClient } from '../../src/jira/jira-client';
import type { JiraRequest, JiraResponse, JiraTransport } from '../../src/jira/transport';
import type { KeyValueStore, PortsFactory } from '../../src/ports';
import { buildResolverHandler } from '../../src/resolvers';

export const NOW = Date.UTC(2026, 10, 23, 9);
export type Role = 'admin' | 'po' | 'dev' | 'outsider';

/** What one invocation sent, over however many transports (the user's and the app's) share it. */
export interface Meter {
  requests: number;
  roundTrips: number;
  inFlight: number;
}
export const newMeter = (): Meter => ({ requests: 0, roundTrips: 0, inFlight: 0 });

/**
 * Counts requests and sequential round trips: a round trip starts when a request leaves while none is
 * in flight. Transports built over one meter (an invocation's user and app clients) count together.
 */
export class CountingTransport implements JiraTransport {
  constructor(
    private readonly inner: JiraTransport,
    private readonly meter: Meter = newMeter(),
  ) {}
  get requests(): number {
    return this.meter.requests;
  }
  get roundTrips(): number {
    return this.meter.roundTrips;
  }
  async send(request: JiraRequest): Promise<JiraResponse> {
    if (this.meter.inFlight === 0) this.meter.roundTrips++;
    this.meter.inFlight++;
    this.meter.requests++;
    try {
      return await this.inner.send(request);
    } finally {
      this.meter.inFlight--;
    }
  }
}

/** A clock whose sleeps are recorded and skipped, so retries cost no wall time. */
export function recordingClock(): HttpClock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, now: () => Date.now(), sleep: async (ms) => void sleeps.push(ms) };
}

export interface Harness {
  readonly handler: ReturnType<typeof buildResolverHandler>;
  /** The transports of every client built so far, newest last. */
  readonly transports: CountingTransport[];
  call(role: Role, functionKey: string, payload: unknown, issueKey: string, options?: { accountId?: string }): Promise<Envelope<unknown>>;
}

export function panelHarness(sim: Simulator, store: KeyValueStore, options: { httpClock?: () => HttpClock } = {}): Harness {
  const transports: CountingTransport[] = [];
  const portsFor: PortsFactory = (ctx) => {
    const login = Object.values(sim.users).find((u) => u.accountId === ctx.accountId);
    if (!login) throw new Error(`No simulator login for ${ctx.accountId}`);
    const meter = newMeter();
    const transport = new CountingTransport(new BasicAuthTransport({ baseUrl: sim.url, email: login.email, apiToken: login.token }), meter);
    transports.push(transport);
    const clock = options.httpClock?.();
    const app = new CountingTransport(new BasicAuthTransport({ baseUrl: sim.url, email: sim.users.app.email, apiToken: sim.users.app.token }), meter);
    return { jira: JiraClient.create({ transport, ...(clock ? { clock } : {}) }), appJira: JiraClient.create({ transport: app, ...(clock ? { clock } : {}) }), store, clock: { now: () => NOW } };
  };
  const handler = buildResolverHandler(portsFor);
  return {
    handler,
    transports,
    async call(role, functionKey, payload, issueKey, callOptions = {}) {
      const issue = sim.store.issue(issueKey);
      const project = issueKey.slice(0, issueKey.lastIndexOf('-'));
      const context = { extension: { type: 'jira:issuePanel', issue: { key: issueKey, id: issue?.id ?? '0' }, project: { key: project } }, moduleKey: 'triage-panel' };
      const principal = { accountId: callOptions.accountId ?? sim.users[role].accountId };
      return (await handler({ call: { functionKey, payload }, context }, { principal, installContext: 'ari:cloud:jira::site/1' })) as Envelope<unknown>;
    },
  };
}

/** Unwrap a successful envelope, failing the test with the error otherwise. */
export function dataOf<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`Expected ok, got ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data as T;
}

function slaClock(sla: SlaValue, nowMs: number): SlaClock {
  const withTimes = sla.format === 'NEW_SLA_FORMAT';
  const cycle = (c: SiteSlaCycle, ongoing: boolean) => {
    const running = ongoing && !c.paused;
    const elapsed = running ? c.elapsedMs + Math.max(0, nowMs - c.measuredAtMs) : c.elapsedMs;
    const breachAtMs = running ? c.measuredAtMs + c.goalMs - c.elapsedMs : c.startMs + c.goalMs;
    return { breached: c.goalMs - elapsed < 0, remainingMs: c.goalMs - elapsed, ...(withTimes && !c.paused ? { breachAtMs } : {}) };
  };
  return {
    name: sla.name,
    completedCycles: sla.completed.map((c) => cycle(c, false)),
    ...(sla.ongoing ? { ongoingCycle: { ...cycle(sla.ongoing, true), paused: sla.ongoing.paused ?? false } } : {}),
  };
}

/** The ticket as the simulator's store holds it right now, mapped by hand (not by the app's mapper). */
export function ticketFromSite(sim: Simulator, key: string, nowMs = NOW): Ticket {
  const issue = sim.store.issue(key);
  if (!issue) throw new Error(`No issue ${key}`);
  const project = sim.store.projectOf(issue);
  const property = readDecisionProperty(issue.properties.interruptBudget);
  const priorityName = PRIORITIES.find((p) => p.id === issue.priorityId)?.name;
  const severityValue = SEVERITY_OPTIONS.find((o) => o.id === issue.severityId)?.value;
  return {
    id: issue.id,
    key: issue.key,
    summary: issue.summary,
    issueType: project.issueTypes.find((t) => t.id === issue.typeId)?.name ?? 'unknown',
    statusCategory: project.statuses.find((s) => s.id === issue.statusId)?.category ?? 'unknown',
    ...(priorityName ? { priorityName } : {}),
    ...(severityValue ? { severityValue } : {}),
    labels: [...issue.labels],
    components: issue.componentIds.map((id) => project.components.find((c) => c.id === id)?.name ?? id),
    createdMs: issue.createdMs,
    ...(issue.points !== null ? { storyPoints: issue.points } : {}),
    worklogs: issue.worklogs.map((w) => ({ startedMs: w.startedMs, seconds: w.seconds, authorAccountId: w.authorId })),
    slaClocks: issue.slas.map((s) => slaClock(s, nowMs)),
    sprints: issue.sprintIds.flatMap((id) => {
      const sprint = sim.store.sprint(id);
      return sprint ? [{ id, name: sprint.name, state: sprint.state }] : [];
    }),
    ...(issue.assigneeId ? { assigneeAccountId: issue.assigneeId } : {}),
    ...(property.decision ? { decision: property.decision } : {}),
    ...(property.suggestion ? { suggestion: property.suggestion } : {}),
  };
}

const WRITES = new Set(['editIssue', 'assignIssue', 'setIssueProperty', 'addComment', 'moveIssuesToSprintAndRank', 'moveIssuesToBacklog']);

/** The writes the simulator received since the log was last cleared. */
export function writesTo(sim: Simulator): string[] {
  return sim.requests().filter((r) => r.operationId !== undefined && WRITES.has(r.operationId)).map((r) => `${r.operationId} ${r.path}`);
}

/** The board's sprints in start order, as the rotation counts turns. */
export function sprintIdsInTurnOrder(sim: Simulator, boardId: number): number[] {
  return sim.store
    .sprintsOfBoard(boardId)
    .slice()
    .sort((a, b) => (a.startMs ?? Number.MAX_SAFE_INTEGER) - (b.startMs ?? Number.MAX_SAFE_INTEGER) || a.id - b.id)
    .map((s) => s.id);
}
