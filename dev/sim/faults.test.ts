/** Each fault kind, set through the API, the control endpoint and at start-up. */
import { callerFor, type Caller } from './http-client';
import { startSimulator, type Simulator } from './index';

const NOW = Date.parse('2026-11-23T09:00:00Z');
let sim: Simulator;
let po: Caller;
const myself = () => po('GET', '/rest/api/3/myself');
const control = (method: string, body?: unknown) =>
  fetch(`${sim.url}/__sim/faults`, { method, ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } } : {}) });

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  po = callerFor(sim, 'po');
});
afterEach(() => sim.faults.clear());
afterAll(() => sim.close());

describe('latency', () => {
  it('adds fixed latency plus seeded jitter', async () => {
    sim.faults.set({ latency: { fixedMs: 120, jitterMs: 30 } });
    const started = Date.now();
    expect((await myself()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
  });
});

describe('429 rate limiting', () => {
  it('limits the next N requests with Retry-After, then answers normally', async () => {
    sim.faults.set({ rateLimit: { next: 2, retryAfterSeconds: 7 } });
    const [a, b, c] = [await myself(), await myself(), await myself()];
    expect([a.status, b.status, c.status]).toEqual([429, 429, 200]);
    expect(a.headers.get('retry-after')).toBe('7');
    expect(a.headers.get('x-ratelimit-reset')).toBeNull();
  });

  it('can send X-RateLimit-Reset (yyyy-MM-ddTHH:mmZ) instead, or neither header', async () => {
    sim.faults.set({ rateLimit: { next: 1, headers: 'reset', retryAfterSeconds: 90 } });
    const reset = await myself();
    expect(reset.headers.get('retry-after')).toBeNull();
    const at = reset.headers.get('x-ratelimit-reset') ?? '';
    expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
    expect(Date.parse(at)).toBeGreaterThan(Date.now());
    sim.faults.set({ rateLimit: { next: 1, headers: 'none' } });
    const bare = await myself();
    expect(bare.status).toBe(429);
    expect([bare.headers.get('retry-after'), bare.headers.get('x-ratelimit-reset')]).toEqual([null, null]);
  });

  it('limits every Nth request, or only one operation', async () => {
    sim.faults.set({ rateLimit: { every: 3 } });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await myself()).status);
    expect(statuses).toEqual([200, 200, 429, 200, 200, 429]);
    sim.faults.set({ rateLimit: { operationId: 'getFields' } });
    expect((await myself()).status).toBe(200);
    expect((await po('GET', '/rest/api/3/field')).status).toBe(429);
  });

  it('limits a seeded fraction, the same way every time', async () => {
    const run = async () => {
      sim.faults.set({ rateLimit: { fraction: 0.5 } });
      const statuses = [];
      for (let i = 0; i < 12; i++) statuses.push((await myself()).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(429);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  it('enforces a per-endpoint burst bucket with RateLimit-Reason: jira-burst-based', async () => {
    sim.faults.set({ burst: { capacity: 3, refillPerSecond: 0.5 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await myself()).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await myself();
    expect(refused.headers.get('ratelimit-reason')).toBe('jira-burst-based');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await po('GET', '/rest/api/3/field')).status).toBe(200);
  });
});

describe('503, slow and malformed answers', () => {
  it('answers 503 with or without Retry-After', async () => {
    sim.faults.set({ unavailable: { next: 1, retryAfterSeconds: 3 } });
    const withHeader = await myself();
    expect([withHeader.status, withHeader.headers.get('retry-after')]).toEqual([503, '3']);
    sim.faults.set({ unavailable: { next: 1 } });
    const without = await myself();
    expect([without.status, without.headers.get('retry-after')]).toEqual([503, null]);
  });

  it('trickles a body out slowly', async () => {
    sim.faults.set({ slow: { next: 1, durationMs: 300 } });
    const started = Date.now();
    const response = await po('GET', '/rest/api/3/field');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(Array.isArray(response.json)).toBe(true);
  });

  it.each(['truncated', 'invalid'] as const)('sends a %s body that does not parse', async (kind) => {
    sim.faults.set({ malformed: { next: 1, kind } });
    const response = await po('GET', '/rest/api/3/field');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(() => JSON.parse(response.text)).toThrow();
    expect(sim.requests().at(-1)?.responseBody).toBe(response.text);
  });
});

describe('search lag', () => {
  it('hides a fresh write from search until reconciled or the lag passes', async () => {
    sim.faults.set({ searchLagMs: 60_000 });
    await po('PUT', '/rest/api/3/issue/SUP-40', { update: { labels: [{ add: 'lagging' }] } });
    const search = (extra: object) => po<{ issues: unknown[] }>('POST', '/rest/api/3/search/jql', { jql: 'project = SUP AND labels = lagging', ...extra });
    expect((await search({})).json.issues).toHaveLength(0);
    const id = Number(sim.store.issue('SUP-40')?.id);
    expect((await search({ reconcileIssues: [id] })).json.issues).toHaveLength(1);
    expect((await search({})).json.issues).toHaveLength(1);
  });
});

describe('control', () => {
  it('sets and clears faults over HTTP, never faulting itself', async () => {
    expect((await control('POST', { rateLimit: { every: 1 } })).status).toBe(200);
    expect((await myself()).status).toBe(429);
    expect((await fetch(`${sim.url}/__sim/requests`)).status).toBe(200);
    expect((await control('DELETE')).status).toBe(204);
    expect((await myself()).status).toBe(200);
  });

  it('refuses an invalid configuration with 400, and throws from set()', async () => {
    expect((await control('POST', { rateLimit: { every: 0 } })).status).toBe(400);
    expect((await control('POST', { bogus: true })).status).toBe(400);
    expect(() => sim.faults.set({ latency: { fixedMs: -1 } })).toThrow(/latency/);
  });

  it('applies faults given at start-up', async () => {
    const other = await startSimulator({ now: NOW, faults: { unavailable: { every: 1 } } });
    try {
      expect((await callerFor(other, 'po')('GET', '/rest/api/3/myself')).status).toBe(503);
    } finally {
      await other.close();
    }
  });
});

describe('request bodies', () => {
  it('answers a body that is not declared JSON with 415, and broken JSON with 400', async () => {
    const send = (contentType: string, body: string) =>
      fetch(`${sim.url}/rest/api/3/search/jql`, { method: 'POST', body, headers: { 'Content-Type': contentType, Authorization: `Basic ${Buffer.from('po@demo.test:demo').toString('base64')}` } });
    expect((await send('text/plain', '{"jql":"project = SUP"}')).status).toBe(415);
    expect((await send('application/json', '{"jql":')).status).toBe(400);
    expect(sim.requests().at(-1)?.body).toBe('{"jql":');
  });
});
