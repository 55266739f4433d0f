/** `GET /rest/api/3/project/{key}/statuses` over real HTTP: every issue type with the project's statuses; 404 without Browse. */
import { callerFor } from './http-client';
import { startSimulator, type Simulator } from './index';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: Date.parse('2026-11-23T09:00:00Z') });
});
afterAll(() => sim.close());

type Types = Array<{ name: string; statuses: Array<{ id: string; name: string; statusCategory: { key: string } }> }>;

it('lists each SUP issue type with its statuses, "Waiting for customer" in the In Progress category', async () => {
  const response = await callerFor(sim, 'dev')<Types>('GET', '/rest/api/3/project/SUP/statuses');
  expect(response.status).toBe(200);
  expect(response.json.map((t) => t.name)).toEqual(['Story', 'Task', 'Bug', 'Incident', 'Support request']);
  const bug = response.json.find((t) => t.name === 'Bug');
  expect(bug?.statuses.find((s) => s.name === 'Waiting for customer')).toMatchObject({ id: '10009', statusCategory: { key: 'indeterminate' } });
});

it('takes the project id as well as the key, and answers 404 to a user without Browse and for an unknown project', async () => {
  expect((await callerFor(sim, 'po')('GET', '/rest/api/3/project/10001/statuses')).status).toBe(200);
  expect((await callerFor(sim, 'outsider')('GET', '/rest/api/3/project/SUP/statuses')).status).toBe(404);
  expect((await callerFor(sim, 'po')('GET', '/rest/api/3/project/NOPE/statuses')).status).toBe(404);
});
