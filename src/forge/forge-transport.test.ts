/**
 * The Forge transport through the real `@forge/api` (asUser / asApp → requestJira), with the
 * platform's product-fetch hook stood in by dev/forge/runtime-shim.ts so requests reach the simulator.
 */
import { installForgeRuntimeShim } from '../../dev/forge/runtime-shim';
import { startSimulator, type Simulator } from '../../dev/sim';
import { JiraClient } from '../jira/jira-client';
import { route } from './route';
import { ForgeTransport } from './forge-transport';

let sim: Simulator;
let uninstall: () => void;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: Date.UTC(2026, 10, 23, 9) });
  uninstall = installForgeRuntimeShim({
    baseUrl: sim.url,
    user: { email: sim.users.po.email, apiToken: sim.users.po.token },
    app: { email: sim.users.admin.email, apiToken: sim.users.admin.token },
  });
});
afterAll(async () => {
  uninstall();
  await sim.close();
});

describe('ForgeTransport', () => {
  it('acts as the user with asUser()', async () => {
    const client = JiraClient.create({ transport: new ForgeTransport('user') });
    expect((await client.people.myself()).accountId).toBe(sim.users.po.accountId);
  });

  it('acts as the app with asApp()', async () => {
    const client = JiraClient.create({ transport: new ForgeTransport('app') });
    expect((await client.people.myself()).accountId).toBe(sim.users.admin.accountId);
  });

  it('sends bodies and returns status, lower-case headers and text', async () => {
    const transport = new ForgeTransport('user');
    const response = await transport.send({ method: 'POST', route: route`/rest/api/3/search/jql`, body: { jql: 'project = SUP', fields: ['key'], maxResults: 1 } });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect((JSON.parse(response.text) as { issues: unknown[] }).issues).toHaveLength(1);
  });

  it('cannot be given a plain string path: @forge/api refuses it', async () => {
    const transport = new ForgeTransport('user');
    const bad = { method: 'GET' as const, route: '/rest/api/3/myself' as unknown as ReturnType<typeof route> };
    await expect(transport.send(bad)).rejects.toThrow(/route/);
  });
});
