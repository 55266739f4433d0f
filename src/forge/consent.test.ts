/**
 * What `@forge/api` throws instead of answering reaches the right place. The real `@forge/api` runs on
 * the runtime shim, which plays Forge's proxy: a user who has not yet allowed the app access gets the
 * `forge-proxy-error: NEEDS_AUTHENTICATION_ERR` answer, from which `@forge/api` throws its own
 * `NeedsAuthenticationError`. Forge shows the "Allow access" prompt only when that error leaves the
 * resolver unhandled: so it must not be retried, wrapped, or turned into an envelope on the way.
 */
import { HttpError, NeedsAuthenticationError, NotAllowedError, ProxyRequestError } from '@forge/api';
import { KvsEmulator } from '../../dev/forge/kvs-emulator';
import { installForgeRuntimeShim, type RuntimeShimOptions } from '../../dev/forge/runtime-shim';
import { startSimulator, type Simulator } from '../../dev/sim';
import { JiraError } from '../jira/errors';
import { JiraClient } from '../jira/jira-client';
import { isPlatformSignal, TransportFailure } from '../jira/transport';
import { handler } from '../index';
import { classifyForgeFailure, ForgeTransport } from './forge-transport';

const NOW = Date.UTC(2026, 10, 23, 9);
let sim: Simulator;
let uninstall: (() => void) | undefined;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
});
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});
afterAll(async () => {
  await sim.close();
});

function shim(extra: Partial<RuntimeShimOptions> = {}, role: 'po' | 'admin' = 'po'): KvsEmulator {
  const kvs = new KvsEmulator();
  uninstall = installForgeRuntimeShim({
    baseUrl: sim.url,
    user: { email: sim.users[role].email, apiToken: sim.users[role].token },
    app: { email: sim.users.admin.email, apiToken: sim.users.admin.token },
    kvs,
    ...extra,
  });
  return kvs;
}

/** A client whose retries cost no time, with its sleeps recorded. */
function client(actor: 'user' | 'app' = 'user') {
  const sleeps: number[] = [];
  const jira = JiraClient.create({ transport: new ForgeTransport(actor), clock: { now: () => Date.now(), sleep: async (ms) => void sleeps.push(ms) } });
  return { jira, sleeps };
}

const requestsSince = (from: number) => sim.requests().slice(from);

describe('consent: NEEDS_AUTHENTICATION_ERR from @forge/api', () => {
  it('leaves the Jira client untouched: the same NeedsAuthenticationError, after one attempt and no wait', async () => {
    shim({ userConsented: false });
    const { jira, sleeps } = client();
    const error = await jira.people.myself().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NeedsAuthenticationError);
    expect((error as Error).name).toBe('NEEDS_AUTHENTICATION_ERR');
    expect(isPlatformSignal(error)).toBe(true);
    expect(jira.http.stats.requests).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('acting as the app never asks for consent', async () => {
    shim({ userConsented: false });
    expect((await client('app').jira.people.myself()).accountId).toBe(sim.users.admin.accountId);
  });

  const panel = { extension: { type: 'jira:issuePanel', issue: { key: 'SUP-1', id: '10001' }, project: { key: 'SUP' } }, moduleKey: 'triage-panel' };
  const page = { extension: { type: 'jira:projectPage', project: { key: 'SUP', id: '10000' } }, moduleKey: 'budget-dashboard' };
  const settings = { extension: { type: 'jira:projectSettingsPage', project: { key: 'SUP', id: '10000' } }, moduleKey: 'budget-settings' };
  const calls: Array<[string, unknown, Record<string, unknown>]> = [
    ['panel.get', {}, panel],
    ['panel.budget', {}, panel],
    ['panel.applyDecision', { outcome: 'interrupt' }, panel],
    ['dashboard.get', {}, page],
    ['settings.get', {}, settings],
    ['settings.previewPolicy', { policy: { rules: [], defaultOutcome: 'needs-info' } }, settings],
    ['settings.searchFields', { query: 'sev' }, settings],
    ['settings.searchUsers', { query: 'a' }, settings],
  ];

  it.each(calls)('%s: the exported resolver rejects with it instead of answering an envelope', async (functionKey, payload, context) => {
    const kvs = shim({ userConsented: false });
    const before = sim.requests().length;
    const answer = handler({ call: { functionKey, payload }, context }, { principal: { accountId: sim.users.po.accountId }, installContext: 'ari:cloud:jira::site/1' });
    await expect(answer).rejects.toBeInstanceOf(NeedsAuthenticationError);
    expect(requestsSince(before)).toEqual([]); // the proxy stopped it: nothing reached Jira
    expect(kvs.keys()).toEqual([]); // and nothing was written on the way
  });

  it('once the user allows access, the same call answers normally', async () => {
    shim({ userConsented: true });
    const answer = (await handler({ call: { functionKey: 'panel.get', payload: {} }, context: panel }, { principal: { accountId: sim.users.po.accountId }, installContext: 'ari:cloud:jira::site/1' })) as { ok: boolean };
    expect(answer.ok).toBe(true);
  });
});

describe("@forge/api's other errors: retried only when a retry can succeed", () => {
  it('a transient proxy failure (503 PROXY_ERR) on a read is retried, and the read succeeds', async () => {
    shim({ proxyFault: { status: 503, code: 'UPSTREAM_UNAVAILABLE', times: 2 } });
    const { jira, sleeps } = client();
    expect((await jira.people.myself()).accountId).toBe(sim.users.po.accountId);
    expect(jira.http.stats.requests).toBe(3);
    expect(sleeps).toHaveLength(2);
  });

  it('a transient proxy failure on a comment is not retried: the comment may have been created', async () => {
    shim({ proxyFault: { status: 503, code: 'UPSTREAM_UNAVAILABLE', times: 1 } }, 'admin');
    const { jira } = client();
    const before = sim.store.issue('SUP-1')?.comments.length ?? 0;
    await expect(jira.issues.addComment('SUP-1', { type: 'doc', version: 1, content: [] })).rejects.toMatchObject({ kind: 'Unavailable' });
    expect(jira.http.stats.requests).toBe(1);
    expect(sim.store.issue('SUP-1')?.comments.length ?? 0).toBe(before);
  });

  it('a proxy refusal that no retry changes (400) fails at once with a sentence, not "Jira is not responding"', async () => {
    shim({ proxyFault: { status: 400, code: 'INVALID_REQUEST', times: 5 } });
    const { jira, sleeps } = client();
    const error = await jira.people.myself().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraError);
    expect((error as JiraError).userMessage).toBe('Forge could not pass the request on to Jira. Try again in a few minutes; if it keeps happening, tell your Jira admin.');
    expect(jira.http.stats.requests).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('classifies each kind', () => {
    const egress = new NotAllowedError('URL not allowed: https://example.test');
    expect(classifyForgeFailure(egress)).toBe(egress); // untouched, and not retryable
    expect(isPlatformSignal(egress)).toBe(false);
    const auth = new NeedsAuthenticationError('Authentication Required', 'atlassian-token-service-key');
    expect(classifyForgeFailure(auth)).toBe(auth);
    expect(isPlatformSignal(auth)).toBe(true);
    expect(classifyForgeFailure(new ProxyRequestError(502, 'BAD_GATEWAY'))).toBeInstanceOf(TransportFailure);
    expect(classifyForgeFailure(new ProxyRequestError(429, 'RATE_LIMITED'))).toBeInstanceOf(TransportFailure);
    expect(classifyForgeFailure(new ProxyRequestError(403, 'FORBIDDEN'))).toBeInstanceOf(JiraError);
    expect(classifyForgeFailure(new TypeError('fetch failed'))).toBeInstanceOf(TransportFailure);
    const other = new HttpError('something of the platform');
    expect(classifyForgeFailure(other)).toBe(other);
  });
});
