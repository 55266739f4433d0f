/**
 * The board's estimation field, remembered a day per project: asked of Jira the first time, then read
 * from storage; asked again after a day, for another board, or when the stored record is damaged.
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import { BasicAuthTransport } from '../../jira/basic-auth-transport';
import { JiraClient } from '../../jira/jira-client';
import type { Ports } from '../../ports';
import { boardEstimationField, ESTIMATION_MAX_AGE_MS } from './board-estimation';
import { MemoryStore } from './memory-store';
import { oneIdentity } from '../../../test/builders/one-identity';

const NOW = Date.UTC(2026, 10, 23, 9);
let sim: Simulator;
const clock = { nowMs: NOW };
let store: MemoryStore;
let ports: Ports;
const asked = () => sim.requests().filter((r) => r.operationId === 'getConfiguration').length;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  const login = sim.users.admin;
  store = new MemoryStore();
  ports = { ...oneIdentity(JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: sim.url, email: login.email, apiToken: login.token }) })), store, clock: { now: () => clock.nowMs } };
});
afterAll(() => sim.close());
beforeEach(() => sim.clearRequests());

describe('boardEstimationField', () => {
  it('asks Jira once, then answers from storage within a day', async () => {
    expect(await boardEstimationField(ports, 'SUP', 1)).toBe('customfield_10026');
    clock.nowMs = NOW + ESTIMATION_MAX_AGE_MS - 1;
    expect(await boardEstimationField(ports, 'SUP', 1)).toBe('customfield_10026');
    expect(asked()).toBe(1);
  });

  it('asks again once the day is over', async () => {
    clock.nowMs = NOW + ESTIMATION_MAX_AGE_MS;
    expect(await boardEstimationField(ports, 'SUP', 1)).toBe('customfield_10026');
    expect(asked()).toBe(1);
  });

  it('asks again when the project now has another board, or the record is damaged', async () => {
    await boardEstimationField(ports, 'SUP', 2).catch(() => undefined); // board 2 is TEAM's: whatever it says, it is asked
    expect(asked()).toBe(1);
    await store.setRaw('estimation:SUP', { schemaVersion: 1, boardId: 'one' });
    expect(await boardEstimationField(ports, 'SUP', 1)).toBe('customfield_10026');
    expect(asked()).toBe(2);
  });
});
