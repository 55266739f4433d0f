/**
 * F10: implausible (but spec-valid) Jira data, against the simulator over real HTTP. A sprint whose
 * dates cannot be a sprint's, a closed sprint without capacity, an unparseable start date: each gets
 * a sentence naming the sprint, is left out of the recommendation, and the rest of the view still
 * shows. Dates the simulator's store cannot hold (a start that is not a date) are written into its
 * answer by a transport wrapper, and the rewritten answer is checked against Atlassian's spec.
 */
import { dataOf, startResolverHarness, type StartedResolverHarness } from '../../../test/builders/resolver-harness';
import { validateResponse } from '../../../test/contract/openapi';
import type { DashboardView } from '../../contract/dashboard';
import { BasicAuthTransport } from '../../jira/basic-auth-transport';
import { JiraClient } from '../../jira/jira-client';
import type { JiraRequest, JiraResponse, JiraTransport } from '../../jira/transport';
import { MemoryStore } from '../storage/memory-store';
import { getDashboard } from './get-dashboard';
import { oneIdentity } from '../../../test/builders/one-identity';

const NOW = Date.UTC(2026, 10, 23, 9);
const DAY = 86_400_000;
let h: StartedResolverHarness;

beforeEach(async () => {
  h = await startResolverHarness({ nowMs: NOW });
});
afterEach(() => h.close());

const get = (payload: unknown = {}) => h.call<DashboardView>('po', 'dashboard.get', payload);
const sprintOf = (id: number) => {
  const sprint = h.sim.store.sprint(id);
  if (!sprint) throw new Error(`no sprint ${id}`);
  return sprint;
};

describe('an active sprint with implausible dates', () => {
  it('ends before it starts: a sentence naming it, no card, the history still shown', async () => {
    const active = sprintOf(13);
    active.endMs = (active.startMs as number) - 14 * DAY;
    const view = dataOf(await get());
    expect(view.sprint).toBeNull();
    const ends = new Date(active.endMs);
    const starts = new Date(active.startMs as number);
    const day = (d: Date) => `${d.getUTCDate()} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
    expect(view.message).toBe(`SUP Sprint 13 ends before it starts (ends ${day(ends)}, starts ${day(starts)}): fix its dates on the board.`);
    expect(view.history.rows.length).toBeGreaterThan(0);
    expect(view.history.recommendation.pct).not.toBeNull();
  });

  it('spans decades: refused with a sentence instead of a rollup too big to store', async () => {
    sprintOf(13).endMs = NOW + 30 * 365 * DAY;
    const view = dataOf(await get());
    expect(view.sprint).toBeNull();
    expect(view.message).toMatch(/^SUP Sprint 13 spans \d+ days \(.+\), more than the 56 days a sprint can last here: fix its dates on the board\.$/);
    expect(view.history.rows.length).toBeGreaterThan(0);
  });

  it('chosen directly, it answers the same sentence', async () => {
    sprintOf(12).completeMs = (sprintOf(12).startMs as number) - DAY;
    const answer = await get({ sprintId: 12 });
    expect(dataOf(answer).message).toMatch(/^SUP Sprint 12 was completed before it starts/);
  });
});

describe('closed sprints with implausible dates or no capacity', () => {
  it('a closed sprint completed before it started has no history row, and a note says why', async () => {
    const closed = sprintOf(11);
    closed.completeMs = (closed.startMs as number) - DAY;
    const view = dataOf(await get());
    expect(view.history.rows.map((r) => r.sprintId)).not.toContain(11);
    expect(view.notes).toContainEqual(expect.stringMatching(/^SUP Sprint 11 was completed before it starts \(.+\): fix its dates on the board\. Its history row is left out until then\.$/));
    expect(view.sprint?.id).toBe(13);
  });

  it('a closed sprint with 0 h capacity is left out of the recommendation, with a note', async () => {
    // Saturday 10:00 to Saturday 11:00: no working day, so 0 h capacity and a 0 % share.
    const closed = sprintOf(12);
    const saturday = Date.UTC(2026, 10, 7, 10);
    closed.startMs = saturday;
    closed.endMs = saturday + 3_600_000;
    closed.completeMs = saturday + 3_600_000;
    const view = dataOf(await get());
    const row = view.history.rows.find((r) => r.sprintId === 12);
    expect(row).toMatchObject({ capacity: 0 });
    expect(view.notes).toContain('SUP Sprint 12 had no capacity (0 h: no working day between its start and its end, or no team hours), so it is left out of the recommendation.');
    expect(view.history.recommendation.explanation).not.toMatch(/reserve 0%/);
    expect(view.history.recommendation.explanation).toMatch(new RegExp(`over the last ${view.history.rows.length - 1} sprints`));
  });
});

/** Rewrites the board's sprint page as a mock of Jira might answer it (still valid by Atlassian's spec). */
class RewritingTransport implements JiraTransport {
  constructor(private readonly inner: JiraTransport, private readonly rewrite: (sprint: Record<string, unknown>) => void) {}
  async send(request: JiraRequest): Promise<JiraResponse> {
    const response = await this.inner.send(request);
    if (!/^\/rest\/agile\/1\.0\/(board\/\d+\/sprint\?|sprint\/\d+$)/.test(request.route.value)) return response;
    const body = JSON.parse(response.text) as { values?: Record<string, unknown>[] } & Record<string, unknown>;
    for (const sprint of body.values ?? [body]) this.rewrite(sprint);
    const operation = body.values ? 'getAllSprints' : 'getSprint';
    expect(validateResponse(operation, 200, body).errors).toEqual([]);
    return { ...response, text: JSON.stringify(body) };
  }
}

describe('an active sprint whose start date is not a date', () => {
  it('is reported as such, not as "has not started"', async () => {
    const login = h.sim.users.po;
    const transport = new RewritingTransport(new BasicAuthTransport({ baseUrl: h.sim.url, email: login.email, apiToken: login.token }), (sprint) => {
      if (sprint.id === 13) sprint.startDate = 'Monday week 47';
    });
    const ports = { ...oneIdentity(JiraClient.create({ transport })), store: new MemoryStore(), clock: { now: () => NOW } };
    const view = await getDashboard(ports, 'SUP');
    expect(view.sprint).toBeNull();
    expect(view.message).toBe('SUP Sprint 13 has a start date Jira gives as "Monday week 47", which is not a date: fix its dates on the board.');
    expect(view.history.rows.length).toBeGreaterThan(0);
  });
});
