/**
 * People by name, over the simulator: one batched `GET /user/bulk` per view for the people it names,
 * none again within a day (the KVS records), one again after; a deleted account as "Former user";
 * more ids than one request holds; a hidden account and an unreachable Jira; and each view (panel,
 * dashboard, settings) carrying the directory for the people it shows. Expected names come from the
 * simulator's own users, never from the app.
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import { DEMO_USERS, FORMER_USER_ID } from '../../../dev/sim/site/users';
import type { DashboardView } from '../../contract/dashboard';
import type { PanelView } from '../../contract/panel';
import type { SettingsView } from '../../contract/settings';
import { FORMER_USER } from '../../contract/people';
import { BULK_USERS_PER_REQUEST, type ListedUser } from '../../jira/client/people-client';
import type { Ports } from '../../ports';
import { NOW } from '../../../test/builders/clocks';
import { dataOf, resolverHarness, type ResolverHarness } from '../../../test/builders/resolver-harness';
import { defaultSettings } from '../settings/project-settings';
import { MemoryStore } from '../storage/memory-store';
import { keys } from '../storage/keys';
import { storeSettings } from '../storage/settings-repository';
import { PERSON_MAX_AGE_MS, peopleDirectory } from './people-directory';
import { PEOPLE_RENEW_WITHIN_MS, rollUpAll } from '../sprint/hourly-rollup';
import { projectRegistry } from '../storage/sprint-records';

const DAY = 24 * 60 * 60_000;
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
});
afterAll(() => sim.close());

const nameOf = (accountId: string): string => {
  const user = DEMO_USERS.find((u) => u.accountId === accountId);
  if (!user) throw new Error(`no demo user ${accountId}`);
  return user.displayName;
};

/** A fresh harness (its own store) with SUP's rotation set to dev then po. */
async function harness(): Promise<ResolverHarness> {
  const h = resolverHarness(sim, { store: new MemoryStore() });
  await storeSettings(h.store, 'SUP', { ...defaultSettings(), revision: 1, rotation: { roster: [sim.users.dev.accountId, sim.users.po.accountId], overrides: {} }, updatedBy: sim.users.admin.accountId, updatedAt: new Date(NOW).toISOString() });
  sim.clearRequests();
  return h;
}

/** The ticket an old decision by the deleted former product owner names (seed/active-tickets.ts). */
function formerDecidersTicket(): string {
  const issue = sim.store.issues.find((i) => (i.properties.interruptBudget as { decidedBy?: string } | undefined)?.decidedBy === FORMER_USER_ID);
  if (!issue) throw new Error('the seed has no decision by the former user');
  return issue.key;
}

describe('the dashboard names people from one lookup, remembered a day', () => {
  it('asks /user/bulk once for the view, not at all the next time that day, and again after a day', async () => {
    const h = await harness();
    const first = dataOf<DashboardView>(await h.call('po', 'dashboard.get'));
    const contact = first.sprint?.supportContact;
    if (!contact) throw new Error('the rotation names no contact');
    expect(first.people[contact]).toEqual(expect.objectContaining({ displayName: nameOf(contact) }));
    expect(first.people[contact]?.avatarUrl).toMatch(/^http/);
    for (const d of first.sprint?.deferred ?? []) expect(first.people[d.decidedBy]?.displayName).toBeTruthy();
    expect(h.count('bulkGetUsers')).toBe(1);
    expect(await h.store.get(keys.person(contact))).toEqual(expect.objectContaining({ displayName: nameOf(contact) }));

    sim.clearRequests();
    h.clock.nowMs = NOW + DAY - 60_000;
    const second = dataOf<DashboardView>(await h.call('po', 'dashboard.get'));
    expect(second.people).toEqual(first.people);
    expect(h.count('bulkGetUsers')).toBe(0);
    // Another viewer's view names only whom it shows them (decisions on tickets they may not see are counted, not named).
    const dev = dataOf<DashboardView>(await h.call('dev', 'dashboard.get'));
    expect(Object.keys(dev.people).every((id) => id in first.people)).toBe(true);
    expect(h.count('bulkGetUsers')).toBe(0);

    sim.clearRequests();
    h.clock.nowMs = NOW + PERSON_MAX_AGE_MS + 60_000;
    await h.call('po', 'dashboard.get');
    expect(h.count('bulkGetUsers')).toBe(1);
  });
});

describe('the hourly run renews the names the dashboard shows, so a view asks Jira for none', () => {
  it('names everyone after the first run, renews them within the last two hours of their day, and a view then asks nothing', async () => {
    const h = await harness();
    await projectRegistry.register(h.store, 'SUP', NOW);
    await rollUpAll(h.portsAs('app'), NOW + 600_000);
    expect(h.count('bulkGetUsers')).toBe(1);

    sim.clearRequests();
    const view = dataOf<DashboardView>(await h.call('po', 'dashboard.get'));
    expect(Object.keys(view.people).length).toBeGreaterThan(0);
    expect(h.count('bulkGetUsers')).toBe(0);

    // Within the day and more than two hours from its end: nothing renewed.
    sim.clearRequests();
    h.clock.nowMs = NOW + DAY - PEOPLE_RENEW_WITHIN_MS - 60_000;
    await rollUpAll(h.portsAs('app'), h.clock.nowMs + 600_000);
    expect(h.count('bulkGetUsers')).toBe(0);
    // Less than two hours before the records expire: the run renews them…
    h.clock.nowMs = NOW + DAY - PEOPLE_RENEW_WITHIN_MS + 60_000;
    await rollUpAll(h.portsAs('app'), h.clock.nowMs + 600_000);
    expect(h.count('bulkGetUsers')).toBe(1);
    // …so a view after the first day's records would have expired still asks nothing.
    sim.clearRequests();
    h.clock.nowMs = NOW + DAY + 60_000;
    const later = dataOf<DashboardView>(await h.call('po', 'dashboard.get'));
    expect(later.people).toEqual(view.people);
    expect(h.count('bulkGetUsers')).toBe(0);
  });
});

describe('the panel', () => {
  it('shows the deleted former product owner who decided an old ticket as "Former user", and the support contact by name', async () => {
    const h = await harness();
    const view = dataOf<PanelView>(await h.call('po', 'panel.get', {}, { issueKey: formerDecidersTicket() }));
    expect(view.decision?.decidedBy).toBe(FORMER_USER_ID);
    expect(view.people[FORMER_USER_ID]).toEqual({ displayName: FORMER_USER, former: true });
    const contact = view.supportContact?.accountId;
    if (!contact) throw new Error('no support contact');
    expect(view.people[contact]?.displayName).toBe(nameOf(contact));
    expect(h.count('bulkGetUsers')).toBe(1);
    // No name in the directory is an account id.
    for (const person of Object.values(view.people)) expect(person.displayName).not.toMatch(/[0-9a-f]{8}-|^[0-9a-f]{24}$/);
  });
});

describe('the settings page', () => {
  it('names the rotation roster and whoever saved, in one lookup', async () => {
    const h = await harness();
    const view = dataOf<SettingsView>(await h.call('admin', 'settings.get'));
    expect(view.settings.rotation.roster.map((id) => view.people[id]?.displayName)).toEqual([nameOf(sim.users.dev.accountId), nameOf(sim.users.po.accountId)]);
    expect(view.people[sim.users.admin.accountId]?.displayName).toBe(nameOf(sim.users.admin.accountId));
    expect(h.count('bulkGetUsers')).toBe(1);
  });

  it('offers the roster picker people with their avatars', async () => {
    const h = await harness();
    const found = dataOf<{ users: { accountId: string; displayName: string; avatarUrl?: string }[] }>(await h.call('admin', 'settings.searchUsers', { query: 'Mia' }));
    expect(found.users).toEqual([expect.objectContaining({ displayName: 'Mia Krystof', avatarUrl: expect.stringMatching(/^http/) })]);
  });
});

describe('peopleDirectory', () => {
  it('asks for more ids than one request holds in as many requests as needed, and remembers each person', async () => {
    const h = await harness();
    const unknown = Array.from({ length: BULK_USERS_PER_REQUEST + 20 }, (_, i) => `5b10a2844c20165700e${String(i).padStart(5, '0')}`);
    const ids = [sim.users.po.accountId, ...unknown, sim.users.dev.accountId, sim.users.po.accountId];
    const { people, stats } = await peopleDirectory(h.portsAs('po'), ids);
    expect(h.count('bulkGetUsers')).toBe(2);
    expect(stats).toEqual({ fromCache: 0, fromJira: unknown.length + 2, answered: true });
    expect(people[sim.users.po.accountId]?.displayName).toBe('Priya Shah');
    expect(people[sim.users.dev.accountId]?.displayName).toBe('Dana Kim');
    expect(unknown.every((id) => people[id]?.displayName === FORMER_USER && people[id]?.former === true)).toBe(true);

    sim.clearRequests();
    const again = await peopleDirectory(h.portsAs('po'), ids);
    expect(again.people).toEqual(people);
    expect(again.stats).toEqual({ fromCache: unknown.length + 2, fromJira: 0, answered: true });
    expect(h.count('bulkGetUsers')).toBe(0);
  });

  it('sends nothing for a view that names nobody, and never looks up what cannot be an account id', async () => {
    const h = await harness();
    expect((await peopleDirectory(h.portsAs('po'), [null, undefined, ''])).people).toEqual({});
    const odd = await peopleDirectory(h.portsAs('po'), ['a/b?c']);
    expect(odd.people['a/b?c']).toEqual({ displayName: FORMER_USER, former: true });
    expect(h.count('bulkGetUsers')).toBe(0);
  });

  /** The simulator's ports with the app's people lookup replaced. */
  const withLookup = (h: ResolverHarness, usersByIds: () => Promise<ListedUser[]>): Ports => {
    const ports = h.portsAs('po');
    // Prototype-backed copies: the client's other methods stay as they are.
    const people = Object.assign(Object.create(ports.appJira.people) as Ports['appJira']['people'], { usersByIds });
    const appJira = Object.assign(Object.create(ports.appJira) as Ports['appJira'], { people });
    return { ...ports, appJira };
  };

  it('shows a hidden account (answered without a display name) as "Former user"', async () => {
    const h = await harness();
    const { people } = await peopleDirectory(withLookup(h, async () => [{ accountId: 'qm:hidden-1', active: false }]), ['qm:hidden-1']);
    expect(people['qm:hidden-1']).toEqual({ displayName: FORMER_USER, former: true });
  });

  it('leaves people out when Jira cannot be asked, remembers nothing, and asks again next time', async () => {
    const h = await harness();
    const id = sim.users.dev.accountId;
    const failed = await peopleDirectory(withLookup(h, async () => Promise.reject(new Error('Jira is down'))), [id]);
    expect(failed).toEqual({ people: {}, stats: { fromCache: 0, fromJira: 0, answered: false } });
    expect(await h.store.get(keys.person(id))).toBeUndefined();
    expect((await peopleDirectory(h.portsAs('po'), [id])).people[id]?.displayName).toBe('Dana Kim');
  });

  it('reads a damaged record as missing and asks Jira again', async () => {
    const h = await harness();
    const id = sim.users.dev.accountId;
    await h.store.set(keys.person(id), { schemaVersion: 1, fetchedAt: NOW, displayName: 42 });
    expect((await peopleDirectory(h.portsAs('po'), [id])).people[id]?.displayName).toBe('Dana Kim');
    expect(h.count('bulkGetUsers')).toBe(1);
  });
});
