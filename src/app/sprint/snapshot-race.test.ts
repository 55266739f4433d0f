/**
 * A rollup that started before a change and finished after it must not pass for fresh (issue 11, F5).
 * The resolver handler against the simulator over real HTTP, with the app's clock and the site's
 * moved together. A dashboard refresh reads the sprint from Jira, and its answers are held back (the
 * reads happened; the rollup is not written yet) while a product owner applies a decision or an
 * admin saves the settings; then the refresh finishes and writes. The next view must not serve what
 * the refresh wrote as fresh: it was computed from reads older than the change.
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import type { DashboardView } from '../../contract/dashboard';
import type { Envelope } from '../../contract/envelope';
import type { SettingsView } from '../../contract/settings';
import { routePath } from '../../forge/route';
import { BasicAuthTransport } from '../../jira/basic-auth-transport';
import { JiraClient } from '../../jira/jira-client';
import type { JiraRequest, JiraResponse, JiraTransport } from '../../jira/transport';
import type { PortsFactory } from '../../ports';
import { buildResolverHandler } from '../../resolvers/index';
import { MemoryStore } from '../storage/memory-store';
import { oneIdentity } from '../../../test/builders/one-identity';

const NOW = Date.UTC(2026, 10, 23, 9);
const MINUTE = 60_000;

/**
 * Holds the answers to issue searches back (after Jira answered) while the gate is closed: the reads of
 * the sprint's issues happened, the rollup computed from them is not written yet.
 */
class HoldingTransport implements JiraTransport {
  constructor(
    private readonly inner: JiraTransport,
    private readonly gate: Gate,
  ) {}
  async send(request: JiraRequest): Promise<JiraResponse> {
    const response = await this.inner.send(request);
    if (this.gate.held && request.method === 'POST' && routePath(request.route).startsWith('/rest/api/3/search/jql')) {
      this.gate.onHeld();
      await this.gate.held;
    }
    return response;
  }
}

interface Gate {
  held: Promise<void> | undefined;
  onHeld(): void;
}

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
});
afterAll(async () => {
  await sim.close();
});

function app() {
  const store = new MemoryStore();
  let nowMs = NOW;
  let release: () => void = () => undefined;
  let heldOnce: () => void = () => undefined;
  const gate: Gate = { held: undefined, onHeld: () => heldOnce() };
  let holdNextCall = false;
  const logins = new Map(Object.values(sim.users).map((login) => [login.accountId, login]));
  const portsFor: PortsFactory = (ctx) => {
    const login = logins.get(ctx.accountId);
    if (!login) throw new Error(`no login ${ctx.accountId}`);
    const basic = new BasicAuthTransport({ baseUrl: sim.url, email: login.email, apiToken: login.token });
    const transport = holdNextCall ? new HoldingTransport(basic, gate) : basic;
    holdNextCall = false;
    return { ...oneIdentity(JiraClient.create({ transport })), store, clock: { now: () => nowMs } };
  };
  const handler = buildResolverHandler(portsFor);
  const call = async <T>(role: 'po' | 'admin', functionKey: string, payload: unknown, extension: Record<string, unknown> = { project: { key: 'SUP' } }) =>
    (await handler({ call: { functionKey, payload }, context: { extension } }, { principal: { accountId: sim.users[role].accountId }, installContext: 'ari:cloud:jira::site/1' })) as Envelope<T>;
  return {
    call,
    advance(ms: number) {
      nowMs += ms;
      sim.clock.advance(ms);
    },
    /** Start a call whose Jira answers are held back; resolves once one answer is being held. */
    async startHeld<T>(role: 'po' | 'admin', functionKey: string, payload: unknown) {
      gate.held = new Promise<void>((resolve) => (release = resolve));
      const holding = new Promise<void>((resolve) => (heldOnce = resolve));
      holdNextCall = true;
      const pending = call<T>(role, functionKey, payload);
      await holding;
      return {
        finish: async () => {
          gate.held = undefined;
          release();
          return pending;
        },
      };
    },
  };
}

const data = <T>(envelope: Envelope<T>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
};

async function undecidedBacklogP1(): Promise<string> {
  const response = await fetch(`${sim.url}/rest/api/3/search/jql`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`${sim.users.po.email}:${sim.users.po.token}`).toString('base64')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ jql: 'project = SUP AND priority = Highest AND sprint is EMPTY AND statusCategory != Done AND issue.property[interruptBudget].outcome IS EMPTY ORDER BY key', fields: ['summary'], maxResults: 1 }),
  });
  const key = ((await response.json()) as { issues: Array<{ key: string }> }).issues[0]?.key;
  if (!key) throw new Error('the demo site has no undecided P1 in the backlog');
  return key;
}

describe('a rollup computed from reads older than a change is stale, whichever finished last', () => {
  it('a decision applied while a refresh was reading: the next view counts the new interrupt', async () => {
    const a = app();
    const key = await undecidedBacklogP1();
    const before = data(await a.call<DashboardView>('po', 'dashboard.get', {}));
    expect(before.sprint?.interrupts.map((i) => i.key)).not.toContain(key);

    a.advance(MINUTE);
    const refresh = await a.startHeld<DashboardView>('po', 'dashboard.get', { refresh: true });
    a.advance(MINUTE);
    const applied = data(await a.call<{ steps: Array<{ step: string; status: string }> }>('po', 'panel.applyDecision', { outcome: 'interrupt' }, { issue: { key }, project: { key: 'SUP' } }));
    expect(applied.steps).toContainEqual(expect.objectContaining({ step: 'move-to-sprint', status: 'done' }));
    a.advance(MINUTE);
    const written = data(await refresh.finish());
    expect(written.sprint?.interrupts.map((i) => i.key)).not.toContain(key); // read before the decision

    a.advance(MINUTE);
    const after = data(await a.call<DashboardView>('po', 'dashboard.get', {}));
    expect(after.sprint?.source).toBe('computed');
    expect(after.sprint?.interrupts.map((i) => i.key)).toContain(key);
  });

  it('settings saved while a refresh was reading: the next view uses the new allocation', async () => {
    const a = app();
    const opened = data(await a.call<SettingsView>('admin', 'settings.get', {}));
    const first = data(await a.call<DashboardView>('po', 'dashboard.get', {}));

    a.advance(MINUTE);
    const refresh = await a.startHeld<DashboardView>('po', 'dashboard.get', { refresh: true });
    a.advance(MINUTE);
    data(await a.call('admin', 'settings.save', { settings: { ...opened.settings, allocationPct: 5 }, policy: opened.policy.policy, baseRevision: opened.revision }));
    a.advance(MINUTE);
    const written = data(await refresh.finish());
    expect(written.sprint?.budget).toBe(first.sprint?.budget); // computed with the settings read before the save

    a.advance(MINUTE);
    const after = data(await a.call<DashboardView>('po', 'dashboard.get', {}));
    expect(after.sprint?.source).toBe('computed');
    expect(after.sprint?.budget).toBeLessThan(first.sprint?.budget ?? 0);
  });
});
