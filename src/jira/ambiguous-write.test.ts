/**
 * Writes that are not idempotent (posting a comment), against the simulator over real HTTP, when the
 * answer is lost after Jira did the write (test/builders/losing-transport.ts: the simulator posts the
 * comment, the answer is replaced by a 5xx or a dropped connection; the simulator's own 503 fault
 * answers before doing anything, which is the other case). The client
 * looks before posting again, so the issue ends with exactly one comment; when it cannot look, it
 * says the comment may have been posted — never that it was, never that it was not.
 */
import { startSimulator, type Simulator } from '../../dev/sim';
import { BasicAuthTransport } from './basic-auth-transport';
import { COMMENT_UNCERTAIN } from './client/issue-client';
import { JiraError, UncertainWrite } from './errors';
import type { Clock } from './jira-http';
import { JiraClient } from './jira-client';
import { validateHttpRequest, validateHttpResponse } from '../../test/contract/http';
import { LosingTransport } from '../../test/builders/losing-transport';

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
const ISSUE = 'SUP-3';
let sim: Simulator;

function recordingClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, now: () => Date.now(), sleep: async (ms) => void sleeps.push(ms) };
}

function setup(options: { budgetMs?: number } = {}) {
  const login = sim.users.po;
  const transport = new LosingTransport(new BasicAuthTransport({ baseUrl: sim.url, email: login.email, apiToken: login.token }));
  const clock = recordingClock();
  const client = JiraClient.create({ transport, clock, random: () => 1, ...options });
  return { transport, clock, client };
}

let seq = 0;
/** A comment with a fresh marker in its text, as the app's decision comments carry one. */
function markedComment(): { marker: string; adf: unknown } {
  const marker = `test-marker-${String(++seq).padStart(8, '0')}`;
  return { marker, adf: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: `Triage: interrupt · ref ${marker}` }] }] } };
}

const withMarker = (marker: string) => (sim.store.issue(ISSUE)?.comments ?? []).filter((c) => JSON.stringify(c.body).includes(marker));
const sent = (operationId: string) => sim.requests().filter((r) => r.operationId === operationId);
const failureOf = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => undefined, (e: unknown) => e);

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.faults.clear();
  sim.clearRequests();
});

describe('a comment whose answer is lost after Jira posted it', () => {
  it.each([503, 'reset'] as const)('(%s): the client finds it among the newest comments and answers with its id, posting once', async (as) => {
    const { transport, client } = setup();
    const { marker, adf } = markedComment();
    transport.losses.push({ operation: 'addComment', as });
    const id = await client.issues.addComment(ISSUE, adf, { marker });
    expect(withMarker(marker).map((c) => c.id)).toEqual([id]);
    expect(sent('addComment')).toHaveLength(1);
    expect(sent('getComments').map((r) => r.query)).toEqual([{ orderBy: '-created', maxResults: '50' }]);
    // The look is a request Atlassian's spec allows, answered in the spec's shape.
    for (const r of sim.requests()) {
      const url = `${r.path}?${new URLSearchParams(r.query).toString()}`;
      expect(validateHttpRequest(r.method, url, r.body).errors).toEqual([]);
      expect(validateHttpResponse(r.method, url, r.status, r.responseBody).errors).toEqual([]);
    }
  });

  it('a 500 after the write: found, not reported as "Jira is not responding"', async () => {
    const { transport, client } = setup();
    const { marker, adf } = markedComment();
    transport.losses.push({ operation: 'addComment', as: 500 });
    const id = await client.issues.addComment(ISSUE, adf, { marker });
    expect(withMarker(marker).map((c) => c.id)).toEqual([id]);
  });

  it('refused first (nothing posted), then the retry posted and its answer lost: found by the second look', async () => {
    sim.faults.set({ unavailable: { next: 1, operationId: 'addComment' } }); // the simulator's 503 comes before the write
    const { transport, client } = setup();
    const { marker, adf } = markedComment();
    transport.losses.push({ operation: 'addComment', as: 504, nth: 2 });
    const id = await client.issues.addComment(ISSUE, adf, { marker });
    expect(withMarker(marker).map((c) => c.id)).toEqual([id]);
    expect(sent('addComment').map((r) => r.status)).toEqual([503, 201]);
    expect(sent('getComments')).toHaveLength(2);
  });

  it('the look itself is a read: its lost answer is simply asked again', async () => {
    const { transport, client } = setup();
    const { marker, adf } = markedComment();
    transport.losses.push({ operation: 'addComment', as: 503 }, { operation: 'getComments', as: 'reset' });
    const id = await client.issues.addComment(ISSUE, adf, { marker });
    expect(withMarker(marker).map((c) => c.id)).toEqual([id]);
    expect(sent('addComment')).toHaveLength(1);
    expect(sent('getComments')).toHaveLength(2);
  });

  it('when looking fails too, it says the comment may have been posted (UncertainWrite), and posts nothing more', async () => {
    const { transport, client } = setup();
    const { marker, adf } = markedComment();
    transport.losses.push({ operation: 'addComment', as: 503 });
    sim.faults.set({ unavailable: { operationId: 'getComments' } });
    const error = await failureOf(client.issues.addComment(ISSUE, adf, { marker }));
    expect(error).toBeInstanceOf(UncertainWrite);
    expect((error as UncertainWrite).userMessage).toBe(COMMENT_UNCERTAIN);
    expect((error as JiraError).kind).toBe('Unavailable');
    expect(withMarker(marker)).toHaveLength(1); // it was posted: the client just could not tell
    expect(sent('addComment')).toHaveLength(1);
  });

  it('a comment without a marker cannot be recognised: never posted again, and reported as uncertain', async () => {
    const { transport, client } = setup();
    const { marker, adf } = markedComment();
    transport.losses.push({ operation: 'addComment', as: 503 });
    const error = await failureOf(client.issues.addComment(ISSUE, adf));
    expect(error).toBeInstanceOf(UncertainWrite);
    expect((error as UncertainWrite).userMessage).toBe('Jira did not confirm the change and the app could not check it, so it may have been made: check the issue before trying again.');
    expect(withMarker(marker)).toHaveLength(1);
    expect(sent('addComment')).toHaveLength(1);
    expect(sent('getComments')).toHaveLength(0);
  });

  it('cut off by the deadline after Jira took it: uncertain, not "Jira is not responding"', async () => {
    sim.faults.set({ slow: { next: 1, operationId: 'addComment', durationMs: 3000 } });
    const { client } = setup({ budgetMs: 400 });
    const { marker, adf } = markedComment();
    const error = await failureOf(client.issues.addComment(ISSUE, adf, { marker }));
    expect(error).toBeInstanceOf(UncertainWrite);
    expect((error as UncertainWrite).userMessage).toBe(COMMENT_UNCERTAIN);
    expect(withMarker(marker)).toHaveLength(1);
  });
});

describe('a comment Jira refused before doing anything', () => {
  it('a 503 from Jira itself: the client looks, finds nothing, posts again: one comment', async () => {
    sim.faults.set({ unavailable: { next: 1, operationId: 'addComment' } });
    const { client, clock } = setup();
    const { marker, adf } = markedComment();
    const id = await client.issues.addComment(ISSUE, adf, { marker });
    expect(withMarker(marker).map((c) => c.id)).toEqual([id]);
    expect(sent('addComment').map((r) => r.status)).toEqual([503, 201]);
    expect(sent('getComments')).toHaveLength(1);
    expect(clock.sleeps).toEqual([500]); // the backoff, taken before looking
  });

  it('a 429 is retried as told, without looking: Jira did not process it', async () => {
    sim.faults.set({ rateLimit: { next: 2, operationId: 'addComment', headers: 'retry-after', retryAfterSeconds: 2 } });
    const { client, clock } = setup();
    const { marker, adf } = markedComment();
    const id = await client.issues.addComment(ISSUE, adf, { marker });
    expect(withMarker(marker).map((c) => c.id)).toEqual([id]);
    expect(sent('addComment').map((r) => r.status)).toEqual([429, 429, 201]);
    expect(sent('getComments')).toHaveLength(0);
    expect(clock.sleeps).toEqual([2000, 2000]);
  });

  it('every attempt refused with 503: four posts, a look after each, then the plain error — it is known not to be there', async () => {
    sim.faults.set({ unavailable: { operationId: 'addComment' } });
    const { client } = setup();
    const { marker, adf } = markedComment();
    const error = await failureOf(client.issues.addComment(ISSUE, adf, { marker }));
    expect(error).toBeInstanceOf(JiraError);
    expect(error).not.toBeInstanceOf(UncertainWrite);
    expect((error as JiraError).userMessage).toBe('Jira is not responding right now. Try again in a few minutes.');
    expect(sent('addComment')).toHaveLength(4);
    expect(sent('getComments')).toHaveLength(4);
    expect(withMarker(marker)).toHaveLength(0);
  });

  it('refuses a marker the comment does not contain, before sending anything', async () => {
    const { client } = setup();
    const { adf } = markedComment();
    await expect(client.issues.addComment(ISSUE, adf, { marker: 'not-in-the-comment-0001' })).rejects.toThrow('A comment marker must be 16 or more letters, digits or dashes, and appear in the comment.');
    await expect(client.issues.addComment(ISSUE, adf, { marker: 'short' })).rejects.toThrow('A comment marker');
    expect(sim.requests()).toEqual([]);
  });
});

describe('idempotent calls are unchanged', () => {
  it('a read whose answer is lost is simply sent again', async () => {
    const { transport, client } = setup();
    transport.losses.push({ operation: 'getCurrentUser', as: 503 }, { operation: 'getCurrentUser', as: 'reset' });
    expect((await client.people.myself()).accountId).toBe(sim.users.po.accountId);
    expect(sent('getCurrentUser')).toHaveLength(3);
  });

  it('a label edit whose answer is lost is sent again without looking (it sets a state)', async () => {
    const { transport, client } = setup();
    transport.losses.push({ operation: 'editIssue', as: 503 });
    await client.issues.updateLabels(ISSUE, { add: ['ambiguous-write-test'] });
    expect(sim.store.issue(ISSUE)?.labels.filter((l) => l === 'ambiguous-write-test')).toHaveLength(1);
    expect(sent('editIssue')).toHaveLength(2);
    expect(sent('getComments')).toHaveLength(0);
  });
});
