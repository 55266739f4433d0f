/**
 * The site's own priority scheme decides what a priority means (issue 16, item 2), end to end over
 * the simulator: a site whose admin renamed the five priorities Blocker / Critical / Major / Minor /
 * Trivial. The built-in name map would call Critical P1; the scheme ranks it second.
 */
import { startSimulator, type Simulator } from '../../../dev/sim';
import type { PanelView } from '../../contract/panel';
import { handleIssueEvent } from '../../triggers/issue-event';
import { NOW } from '../../../test/builders/clocks';
import { dataOf, resolverHarness, type ResolverHarness } from '../../../test/builders/resolver-harness';
import { defaultSettings } from '../settings/project-settings';
import { keys } from './keys';
import { MemoryStore } from './memory-store';
import { storeSettings } from './settings-repository';
import { SITE_ORDER_MAX_AGE_MS, siteOrderRecord, siteOrderSource } from './site-order';

const SCHEME = ['Blocker', 'Critical', 'Major', 'Minor', 'Trivial'];
const CRITICAL = '2'; // Jira's priority id 2, "High" on the demo site, renamed

let sim: Simulator;
let store: MemoryStore;
let harness: ResolverHarness;

/** An open support ticket outside the sprint with no decision, set to the site's second priority. */
let key: string;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
  sim.store.renamePriorities(SCHEME);
  store = new MemoryStore();
  harness = resolverHarness(sim, { store });
  const ticket = sim.store.issue('SUP-250');
  if (!ticket) throw new Error('SUP-250 missing from the seed');
  sim.store.write(ticket, (i) => {
    i.priorityId = CRITICAL;
    i.severityId = null;
  });
  key = ticket.key;
});
afterAll(() => sim.close());

const panel = async (): Promise<PanelView> => dataOf<PanelView>(await harness.call('po', 'panel.get', {}, { issueKey: key }));

describe('a site whose priority scheme is Blocker / Critical / Major / Minor / Trivial', () => {
  it('the panel reads Critical as P2, the level the scheme gives it, and keeps the site order a day', async () => {
    sim.clearRequests();
    const view = await panel();
    expect(view.priority).toEqual({ level: 'P2', name: 'Critical' });
    expect(view.verdict.ruleId).not.toBe('p1');
    expect(sim.requests().filter((r) => r.operationId === 'getCreateIssueMetaIssueTypeId').map((r) => r.user)).toEqual([sim.users.app.accountId]); // as the app
    expect(await store.get(keys.siteOrder('SUP'))).toMatchObject({ priorities: SCHEME });

    sim.clearRequests();
    expect((await panel()).priority.level).toBe('P2');
    expect(sim.requests().map((r) => r.operationId)).not.toContain('getCreateIssueMetaIssueTypeId'); // stored
  });

  it('the trigger suggests by the same reading, so panel and suggestion agree', async () => {
    const ticket = sim.store.issue(key);
    if (!ticket) throw new Error(`${key} is gone`);
    sim.store.write(ticket, (i) => void delete i.properties.interruptBudget); // no earlier suggestion: the trigger writes its own
    const ports = harness.portsAs('app');
    const outcome = await handleIssueEvent({ eventType: 'avi:jira:updated:issue', issue: { id: sim.store.issue(key)?.id, key, fields: { project: { key: 'SUP' } } }, atlassianId: sim.users.po.accountId }, ports);
    expect(outcome).toMatchObject({ status: 'written', suggestion: { facts: { priority: 'P2' } } });
    expect(outcome.status === 'written' && outcome.suggestion.ruleId).not.toBe('p1'); // the built-in names would say P1, and interrupt
  });

  it('an admin who maps the priorities in the settings is followed as mapped', async () => {
    await storeSettings(store, 'SUP', { ...defaultSettings(), revision: 1, priorityMap: { P1: ['Blocker', 'Critical'], P2: ['Major'], P3: ['Medium'], P4: ['Minor'], P5: ['Trivial'] } });
    expect((await panel()).priority.level).toBe('P1');
    await store.delete(keys.settings('SUP'));
  });
});

describe('the stored site order', () => {
  const ports = () => harness.portsAs('app');

  it('is read again after a day', async () => {
    await store.set(keys.siteOrder('SUP'), siteOrderRecord(['Old'], new Map(), NOW - SITE_ORDER_MAX_AGE_MS));
    const order = siteOrderSource(ports(), 'SUP');
    await order.load();
    expect((await order.order([], undefined)).priorities).toEqual(SCHEME);
  });

  it('keeps the Severity field’s options in its order, so a field chosen later needs no new read', async () => {
    const order = siteOrderSource(ports(), 'SUP');
    await order.load();
    expect((await order.order([], 'customfield_10081')).severities).toEqual(['Sev 1', 'Sev 2', 'Sev 3', 'Sev 4']);
    expect((await order.order([], 'customfield_99999')).severities).toEqual([]);
  });

  it('when Jira refuses the create screen, an empty order is kept for the day and the built-in names decide', async () => {
    await store.delete(keys.siteOrder('SUP'));
    const order = siteOrderSource(ports(), 'NOPE');
    await order.load();
    expect(await order.order([], undefined)).toEqual({ priorities: [], severities: [] });
    expect(await store.get(keys.siteOrder('NOPE'))).toMatchObject({ priorities: [] }); // 404 on the project: kept, not asked again today
  });

  it('when Jira fails, nothing is kept and the next view asks again', async () => {
    await store.delete(keys.siteOrder('SUP'));
    sim.faults.set({ unavailable: { operationId: 'getProject' } });
    try {
      const order = siteOrderSource(ports(), 'SUP');
      await order.load();
      expect(await order.order([], undefined)).toEqual({ priorities: [], severities: [] });
      expect(await store.get(keys.siteOrder('SUP'))).toBeUndefined();
    } finally {
      sim.faults.set({});
    }
  });

  it('keeps select fields with few options only, and never more than a quarter of one value', () => {
    const many = new Map<string, string[]>([
      ['customfield_1', ['S1', 'S2', 'S3', 'S4']],
      ['customfield_2', Array.from({ length: 51 }, (_, i) => `Customer ${i}`)],
      ...Array.from({ length: 400 }, (_, i): [string, string[]] => [`customfield_${100 + i}`, Array.from({ length: 50 }, (_, j) => `A long option name number ${j} of field ${i}`)]),
    ]);
    const record = siteOrderRecord(SCHEME, many, NOW);
    expect(record.options.customfield_1).toEqual(['S1', 'S2', 'S3', 'S4']);
    expect(record.options.customfield_2).toBeUndefined();
    expect(Buffer.byteLength(JSON.stringify(record))).toBeLessThanOrEqual(240 * 1024 / 4);
  });
});
