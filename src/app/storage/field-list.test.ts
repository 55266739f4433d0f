/**
 * The field list remembered a day per project, against the simulator over HTTP: asked of Jira the
 * first time, then discovered from storage with the same result; asked again after a day, when the
 * record is damaged, or when an option names a field it lacks; and small enough for one KVS value on
 * a site with thousands of fields (the simulator's list, with fields added on the way back).
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import { routePath } from '../../forge/route';
import { BasicAuthTransport } from '../../jira/basic-auth-transport';
import { discoverFields, FLOAT_TYPE, STORY_POINTS_TYPE, type DiscoveryOptions } from '../../jira/field-catalog';
import { JiraClient } from '../../jira/jira-client';
import type { JiraTransport } from '../../jira/transport';
import type { Ports } from '../../ports';
import { FIELD_LIST_MAX_AGE_MS, fieldListRecord, fieldSource } from './field-list';
import { keys } from './keys';
import { MAX_VALUE_BYTES, MemoryStore } from './memory-store';
import { oneIdentity } from '../../../test/builders/one-identity';

const NOW = Date.UTC(2026, 10, 23, 9);
const KEY = keys.fieldList('SUP');
const SEVERITY = 'customfield_10081';
const OPTIONS: DiscoveryOptions = { storyPointsFieldId: 'customfield_10026', severityFieldId: SEVERITY };
let sim: Simulator;
const clock = { nowMs: NOW };
let store: MemoryStore;

/** Answers `GET /rest/api/3/field` with the simulator's list plus `extra` (a bigger site). */
const withExtraFields = (extra: readonly unknown[]) => (inner: JiraTransport): JiraTransport => ({
  async send(request) {
    const response = await inner.send(request);
    if (routePath(request.route) !== '/rest/api/3/field' || extra.length === 0) return response;
    return { ...response, text: JSON.stringify([...(JSON.parse(response.text) as unknown[]), ...extra]) };
  },
});
/** One invocation's ports: a new client (so nothing is remembered in memory between them). */
function ports(wrap: (t: JiraTransport) => JiraTransport = (t) => t): Ports {
  const { email, token } = sim.users.admin;
  return { ...oneIdentity(JiraClient.create({ transport: wrap(new BasicAuthTransport({ baseUrl: sim.url, email, apiToken: token })) })), store, clock: { now: () => clock.nowMs } };
}
let liveReads = 0;
/** The field-list requests the code under test sent (not counting the tests' own, below). */
const asked = () => sim.requests().filter((r) => r.operationId === 'getFields').length - liveReads;
/** What discovery finds on Jira's own list, asked directly (one request of its own). */
const live = async (options: DiscoveryOptions = {}, wrap?: (t: JiraTransport) => JiraTransport) => {
  liveReads++;
  return ports(wrap).jira.discoverFields(options);
};
/** `n` custom fields of a big site: select lists with long names, none of them a type discovery matches. */
const bigSite = (n: number, nameLength = 40) =>
  Array.from({ length: n }, (_, i) => {
    const id = `customfield_${20000 + i}`;
    const name = `Escalation detail ${String(i).padStart(5, '0')} `.padEnd(nameLength, 'x');
    return { id, key: id, name, custom: true, orderable: true, navigable: true, searchable: true, clauseNames: [`cf[${20000 + i}]`, name], schema: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:select', customId: 20000 + i } };
  });

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
});
afterAll(() => sim.close());
beforeEach(() => {
  store = new MemoryStore();
  clock.nowMs = NOW;
  sim.clearRequests();
  liveReads = 0;
});

describe('fieldSource', () => {
  it('asks Jira once, then discovers from storage within a day, finding exactly what Jira\'s list gives', async () => {
    const expected = await live(OPTIONS);
    expect(await fieldSource(ports(), 'SUP').discover(OPTIONS)).toEqual(expected);
    expect(asked()).toBe(1);
    clock.nowMs = NOW + FIELD_LIST_MAX_AGE_MS - 1;
    expect(await fieldSource(ports(), 'SUP').discover(OPTIONS)).toEqual(expected);
    expect(await fieldSource(ports(), 'SUP').discover()).toEqual(await live());
    expect(asked()).toBe(1);
  });

  it('remembers what discovery found per set of options, so the next invocation with those options reads neither the list nor Jira', async () => {
    const expected = await live(OPTIONS);
    await fieldSource(ports(), 'SUP').discover(OPTIONS);
    const gets: string[] = [];
    const get = store.get.bind(store);
    store.get = (k: string) => {
      gets.push(k);
      return get(k);
    };
    const source = fieldSource(ports(), 'SUP');
    await source.load();
    expect(await source.discover(OPTIONS)).toEqual(expected);
    expect(await source.discover({ ...OPTIONS, storyPointsFieldId: '' })).toEqual(await live({ severityFieldId: SEVERITY })); // other options: the list
    expect(gets).toEqual([keys.fieldDiscovery('SUP'), KEY]);
    expect(JSON.stringify(await get(keys.fieldDiscovery('SUP'))).length).toBeLessThan(1024);
    // Both are now remembered; a day after the list was read, neither is.
    gets.length = 0;
    await fieldSource(ports(), 'SUP').discover({ severityFieldId: SEVERITY });
    expect(gets).toEqual([keys.fieldDiscovery('SUP')]);
    clock.nowMs = NOW + FIELD_LIST_MAX_AGE_MS;
    expect(await fieldSource(ports(), 'SUP').discover(OPTIONS)).toEqual(expected);
    expect(asked()).toBe(2);
  });

  it('asks again once the day is over, and for a record from the future', async () => {
    await fieldSource(ports(), 'SUP').discover();
    clock.nowMs = NOW + FIELD_LIST_MAX_AGE_MS;
    await fieldSource(ports(), 'SUP').discover();
    expect(asked()).toBe(2);
    clock.nowMs = NOW; // the stored record is now a day ahead of the clock
    await fieldSource(ports(), 'SUP').discover();
    expect(asked()).toBe(3);
  });

  it('one invocation reads storage once and Jira at most once, however many discoveries it runs', async () => {
    const source = fieldSource(ports(), 'SUP');
    await Promise.all([source.load(), source.discover(), source.discover(OPTIONS)]);
    await source.discover({ severityFieldId: SEVERITY });
    expect(asked()).toBe(1);
  });

  it('keeps each field\'s id and name, and the schema type only where discovery matches on it', async () => {
    await fieldSource(ports(), 'SUP').discover();
    const record = (await store.get(KEY)) as { schemaVersion: number; readAt: number; fields: unknown[][] };
    expect(record).toMatchObject({ schemaVersion: 1, readAt: NOW });
    expect(record.fields).toContainEqual(['customfield_10016', 'Story point estimate', STORY_POINTS_TYPE]);
    expect(record.fields).toContainEqual(['customfield_10026', 'Story Points', FLOAT_TYPE]);
    expect(record.fields).toContainEqual([SEVERITY, 'Severity']); // a select list: found by name, its type is not kept
    expect(record.fields).toContainEqual(['customfield_10099', 'Story points']); // a text field: never points
    expect(record.fields).toContainEqual(['summary', 'Summary']);
    expect(record.fields.every((f) => f.length === 2 || f.length === 3)).toBe(true);
  });

  it.each([
    ['not an object', 'fields'],
    ['a field that is not a pair', { schemaVersion: 1, readAt: NOW, fields: [['customfield_10026']] }],
    ['an unknown type', { schemaVersion: 1, readAt: NOW, fields: [['customfield_10026', 'Story Points', 'text']] }],
    ['no read time', { schemaVersion: 1, fields: [] }],
    ['a newer schema version', { schemaVersion: 2, readAt: NOW, fields: [] }],
  ])('reads the list again when the stored record is damaged (%s), and stores a good one', async (_what, raw) => {
    await store.setRaw(KEY, raw);
    expect(await fieldSource(ports(), 'SUP').discover(OPTIONS)).toEqual(await live(OPTIONS));
    expect(asked()).toBe(1);
    expect(await store.get(KEY)).toMatchObject({ schemaVersion: 1, readAt: NOW });
    await fieldSource(ports(), 'SUP').discover(OPTIONS);
    expect(asked()).toBe(1);
  });

  it('reads the list again when an option names a field the stored list lacks (an admin just created it)', async () => {
    await store.setRaw(KEY, { schemaVersion: 1, readAt: NOW, fields: [['customfield_10026', 'Story Points', 'com.pyxis.greenhopper.jira:jsw-story-points']] });
    expect(await fieldSource(ports(), 'SUP').discover()).toEqual(discoverFields([{ id: 'customfield_10026', name: 'Story Points', schema: { custom: 'com.pyxis.greenhopper.jira:jsw-story-points' } }]));
    expect(asked()).toBe(0);
    const discovery = await fieldSource(ports(), 'SUP').discover({ severityFieldId: SEVERITY });
    expect(discovery).toEqual(await live({ severityFieldId: SEVERITY }));
    expect(discovery.notes).toEqual([]); // not "the configured Severity field is not in the field list"
    expect(asked()).toBe(1);
    await fieldSource(ports(), 'SUP').discover({ severityFieldId: SEVERITY }); // now stored with it
    expect(asked()).toBe(1);
  });

  it('a field that is gone from the site is asked about each time, and said to be missing (as without storage)', async () => {
    const gone = { severityFieldId: 'customfield_404' };
    expect(await fieldSource(ports(), 'SUP').discover(gone)).toEqual(await live(gone));
    expect(await fieldSource(ports(), 'SUP').discover(gone)).toEqual(await live(gone));
    expect(asked()).toBe(2);
    expect((await live(gone)).notes).toEqual(['The configured Severity field customfield_404 is not in the field list; choose it again in the settings.']);
  });

  it('is kept per project', async () => {
    await fieldSource(ports(), 'SUP').discover();
    await fieldSource(ports(), 'TEAM').discover();
    await fieldSource(ports(), 'TEAM').discover();
    expect(asked()).toBe(2);
    expect(store.keys().filter((k) => k.startsWith('fields:'))).toEqual(['fields:SUP', 'fields:TEAM']);
  });
});

describe('a site with many fields', () => {
  it('1,500 custom fields with 40-character names: stored whole in one KVS value, and discovered the same', async () => {
    const wrap = withExtraFields(bigSite(1_500));
    const expected = await live(OPTIONS, wrap);
    expect(await fieldSource(ports(wrap), 'SUP').discover(OPTIONS)).toEqual(expected);
    const stored = await store.get(KEY);
    const bytes = Buffer.byteLength(JSON.stringify(stored), 'utf8');
    expect(bytes).toBeLessThanOrEqual(MAX_VALUE_BYTES);
    expect(bytes).toBeLessThan(100 * 1024); // about 62 bytes a field: room for about 4,000 such fields
    expect((stored as { fields: unknown[] }).fields.length).toBeGreaterThan(1_500);
    expect(await fieldSource(ports(wrap), 'SUP').discover(OPTIONS)).toEqual(expected);
    expect(asked()).toBe(1);
  });

  it('12,000 custom fields with 120-character names: what discovery can pick, and the configured fields, still fit', async () => {
    const extra = bigSite(12_000, 120);
    const wrap = withExtraFields(extra);
    const configured = { ...OPTIONS, storyPointsFieldId: 'customfield_25000' }; // an admin's pick among the extra fields
    const expected = await live(configured, wrap);
    const storedIds = async () => {
      const stored = (await store.get(KEY)) as { fields: unknown[][] };
      expect(Buffer.byteLength(JSON.stringify(stored), 'utf8')).toBeLessThanOrEqual(MAX_VALUE_BYTES);
      expect(stored.fields.length).toBeLessThan(50);
      return stored.fields.map((f) => f[0]);
    };
    const discoverable = ['customfield_10016', 'customfield_10026', 'customfield_10020', 'customfield_10031', 'customfield_10032', SEVERITY];
    // Read while the options were not known yet (the panel's first round trip): what discovery can pick by itself.
    const first = fieldSource(ports(wrap), 'SUP');
    await first.load();
    expect(await first.discover(configured)).toEqual(expected);
    expect(await storedIds()).toEqual(expect.arrayContaining(discoverable));
    expect(await storedIds()).not.toContain('customfield_25000');
    // The next invocation finds what discovery found remembered (read from Jira's whole list)…
    expect(await fieldSource(ports(wrap), 'SUP').discover(configured)).toEqual(expected);
    expect(asked()).toBe(1);
    // …and without it, misses the configured field in the stored list, reads the list again and keeps it.
    await store.delete(keys.fieldDiscovery('SUP'));
    expect(await fieldSource(ports(wrap), 'SUP').discover(configured)).toEqual(expected);
    expect(await storedIds()).toEqual(expect.arrayContaining([...discoverable, 'customfield_25000']));
    expect(await fieldSource(ports(wrap), 'SUP').discover(configured)).toEqual(expected);
    expect(asked()).toBe(2);
    // Options known before the read: kept at once.
    await store.delete(KEY);
    const other = { ...configured, storyPointsFieldId: 'customfield_25001' };
    expect(await fieldSource(ports(wrap), 'SUP').discover(other)).toEqual(await live(other, wrap));
    expect(await storedIds()).toContain('customfield_25001');
    await store.delete(keys.fieldDiscovery('SUP')); // so the next invocation reads the list, not what discovery found
    expect(await fieldSource(ports(wrap), 'SUP').discover(other)).toEqual(await live(other, wrap));
    expect(asked()).toBe(3);
  });

  it('fieldListRecord keeps the whole list when it fits, and never more than a KVS value', () => {
    const fields = discoverFieldsInput(bigSite(3_000));
    expect(fieldListRecord(fields, NOW).fields).toHaveLength(3_000);
    const huge = discoverFieldsInput(bigSite(30_000, 200));
    const record = fieldListRecord(huge, NOW, ['customfield_20007']);
    expect(record.fields).toEqual([['customfield_20007', huge[7]?.name]]);
    expect(Buffer.byteLength(JSON.stringify(record), 'utf8')).toBeLessThanOrEqual(MAX_VALUE_BYTES);
  });
});

/** The entries as the client hands them over (field-shaped, parsed). */
function discoverFieldsInput(list: ReturnType<typeof bigSite>) {
  return list.map((f) => ({ id: f.id, name: f.name, custom: true, schema: f.schema }));
}
