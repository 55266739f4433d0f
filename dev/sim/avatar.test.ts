/** The avatar images users' `avatarUrls` point at: served without authentication, initials of the owner. */
import { startSimulator, type Simulator } from './index';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: Date.UTC(2026, 10, 23, 9) });
});
afterAll(() => sim.close());

it('draws the owner\'s initials at the size asked, and a blank grey circle for an unknown owner', async () => {
  const mine = await fetch(`${sim.url}/secure/useravatar?size=24&ownerId=${encodeURIComponent(sim.users.po.accountId)}`);
  expect(mine.status).toBe(200);
  expect(mine.headers.get('content-type')).toBe('image/svg+xml');
  const svg = await mine.text();
  expect(svg).toContain('width="24"');
  expect(svg).toContain('>PS</text>'); // Priya Shah
  const unknown = await (await fetch(`${sim.url}/secure/useravatar?ownerId=712020%3Adeleted`)).text();
  expect(unknown).toContain('#8590A2');
  expect(unknown).toContain('></text>');
});

it('the avatar URL a user bean gives is the one served', async () => {
  const auth = `Basic ${Buffer.from(`${sim.users.po.email}:${sim.users.po.token}`).toString('base64')}`;
  const me = (await (await fetch(`${sim.url}/rest/api/3/myself`, { headers: { Authorization: auth } })).json()) as { avatarUrls: Record<string, string> };
  const url = me.avatarUrls['48x48'] ?? '';
  expect((await fetch(url)).status).toBe(200);
});
