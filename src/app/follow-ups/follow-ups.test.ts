/**
 * An interrupt's follow-ups from the panel (issue 14, item 2), through the resolver handler as Forge
 * calls it, against the simulator over HTTP: the panel offers them on a resolved interrupt only; a
 * save is checked on the server (who may edit, which issue, resolved interrupt, the revision shown,
 * a corrective-action key Jira lets the user open); one click creates the corrective action in the
 * backlog, links it and records it.
 */
import type { FollowUpsSaved } from '../../contract/follow-ups';
import type { PanelView } from '../../contract/panel';
import { dataOf, startResolverHarness, type StartedResolverHarness } from '../../../test/builders/resolver-harness';
import { defaultSettings } from '../settings/project-settings';
import { followUpRecords } from '../storage/follow-ups';
import { storeSettings } from '../storage/settings-repository';

const NOW = Date.UTC(2026, 10, 23, 9);
let h: StartedResolverHarness;

/** Resolved interrupts of the demo's SUP project (decided by the PO, status Resolved/Done). */
const RESOLVED = 'SUP-214';
const CREATE_FROM = 'SUP-200';
const RACED = 'SUP-210';
/** An interrupt still in progress. */
const IN_PROGRESS = 'SUP-212';

beforeAll(async () => {
  h = await startResolverHarness({ nowMs: NOW });
});
afterAll(() => h.close());
beforeEach(() => h.sim.clearRequests());

type Role = 'po' | 'dev' | 'outsider' | 'admin';
const panel = (key: string, as: Role = 'po') => h.call<PanelView>(as, 'panel.get', {}, { issueKey: key });
const save = (key: string, payload: unknown, as: Role = 'po') => h.call<FollowUpsSaved>(as, 'panel.setFollowUps', payload, { issueKey: key });
const create = (key: string, baseRevision: number, as: Role = 'po') => h.call<FollowUpsSaved>(as, 'panel.createCorrectiveAction', { baseRevision }, { issueKey: key });
const done = { done: true };

describe('the panel offers follow-ups', () => {
  it('on a resolved interrupt: the team\'s kinds (default root cause, regression test), nothing saved yet, editable by the PO', async () => {
    const view = dataOf(await panel(RESOLVED));
    expect(view.followUps).toEqual({ kinds: ['root-cause', 'regression-test'], items: {}, revision: 0, updatedBy: null, updatedAt: null, canEdit: true, reason: null });
  });

  it('read-only, with the reason, to someone who may not edit the issue', async () => {
    const view = dataOf(await panel(RESOLVED, 'dev'));
    expect(view.followUps).toMatchObject({ canEdit: false, reason: 'Recording follow-ups needs the Edit Issues permission in SUP. Ask a project admin for it, or ask someone who may edit this ticket.' });
  });

  it('not on an interrupt still in progress, nor on a resolved ticket that did not interrupt', async () => {
    expect(dataOf(await panel(IN_PROGRESS)).followUps).toBeNull();
    const notAnInterrupt = h.sim.store.issues.find((i) => i.key.startsWith('SUP-') && ['5', '10001'].includes(i.statusId) && (i.properties.interruptBudget as { outcome?: string } | undefined)?.outcome === 'backlog');
    expect(notAnInterrupt).toBeDefined();
    expect(dataOf(await panel(notAnInterrupt!.key)).followUps).toBeNull();
  });
});

describe('panel.setFollowUps', () => {
  it('saves the checklist with a link, and the panel shows it with who saved it by name', async () => {
    const answer = dataOf(await save(RESOLVED, { items: { 'root-cause': { done: true, link: 'https://wiki.example.com/rca/214' }, 'regression-test': { done: false } }, baseRevision: 0 }));
    expect(answer.message).toBe(`Follow-ups of ${RESOLVED} saved.`);
    expect(answer.followUps).toMatchObject({ revision: 1, updatedBy: h.sim.users.po.accountId, updatedAt: NOW, items: { 'root-cause': { done: true, link: 'https://wiki.example.com/rca/214' }, 'regression-test': { done: false } } });
    expect(answer.people[h.sim.users.po.accountId]?.displayName).toBe(h.sim.users.po.displayName);
    const view = dataOf(await panel(RESOLVED));
    expect(view.followUps?.revision).toBe(1);
    expect(view.people[h.sim.users.po.accountId]?.displayName).toBe(h.sim.users.po.displayName);
    expect(h.sim.requests().filter((r) => r.method !== 'GET' && !r.path.includes('/search'))).toEqual([]);
  });

  it('refuses a save from the revision before, naming who saved since and when', async () => {
    const answer = await save(RESOLVED, { items: { 'root-cause': done }, baseRevision: 0 }, 'admin');
    expect(answer).toEqual({ ok: false, error: { code: 'CONFLICT', message: `${h.sim.users.po.displayName} saved these follow-ups on 23 November 2026 at 09:00 (UTC), after the panel loaded them. Reload the page to see what was saved, then make your changes again.` } });
    expect((await followUpRecords.read(h.store, RESOLVED)).value?.items['root-cause']?.link).toBe('https://wiki.example.com/rca/214');
  });

  it('of two saves from the same revision at once, exactly one is stored; the other is told who won', async () => {
    const [a, b] = await Promise.all([
      save(RACED, { items: { 'root-cause': done }, baseRevision: 0 }, 'po'),
      save(RACED, { items: { 'regression-test': done }, baseRevision: 0 }, 'admin'),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const lost = results.find((r) => !r.ok);
    expect(lost).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const stored = (await followUpRecords.read(h.store, RACED)).value;
    expect(stored?.revision).toBe(1);
    const winner = a.ok ? 'root-cause' : 'regression-test';
    expect(Object.keys(stored?.items ?? {})).toEqual([winner]);
  });

  it('refuses a link that is not http(s), next to the field, and stores nothing', async () => {
    const answer = await save(RESOLVED, { items: { 'root-cause': { done: true, link: 'javascript:alert(1)' } }, baseRevision: 1 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(answer)).toContain('enter a link starting with https:// or http://, or leave it empty');
    expect((await followUpRecords.read(h.store, RESOLVED)).value?.revision).toBe(1);
  });

  it('refuses someone who may see but not edit the issue, and someone who may not see it', async () => {
    expect(await save(RESOLVED, { items: {}, baseRevision: 1 }, 'dev')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Recording follow-ups needs the Edit Issues permission in SUP. Ask a project admin for it, or ask someone who may edit SUP-214.' },
    });
    expect(await save(RESOLVED, { items: {}, baseRevision: 1 }, 'outsider')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses an interrupt that is not resolved yet, whatever the panel sent', async () => {
    expect(await save(IN_PROGRESS, { items: { 'root-cause': done }, baseRevision: 0 })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: `${IN_PROGRESS} is not resolved yet: follow-ups can be recorded once it is done. Reload the page after resolving it.` },
    });
    expect((await followUpRecords.read(h.store, IN_PROGRESS)).value).toBeUndefined();
  });

  describe('with corrective actions in use', () => {
    beforeAll(async () => {
      await storeSettings(h.store, 'SUP', { ...defaultSettings(), followUpKinds: ['root-cause', 'regression-test', 'corrective-action'] });
    });

    it('checks a corrective-action key with Jira as the user (404: missing or hidden from them) and refuses the ticket itself', async () => {
      const missing = await save(RESOLVED, { items: { 'corrective-action': { done: true, issueKey: 'SUP-99999' } }, baseRevision: 1 });
      expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'SUP-99999 does not exist, or you may not see it: check the key, or create the corrective action in the backlog.' } });
      const itself = await save(RESOLVED, { items: { 'corrective-action': { done: true, issueKey: 'sup-214' } }, baseRevision: 1 });
      expect(itself).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'The corrective action must be another issue than SUP-214 itself: enter the key of the issue that fixes the cause.' } });
    });

    it('keeps an existing issue as the corrective action (key upper-cased) and the other items as sent', async () => {
      const answer = dataOf(await save(RESOLVED, { items: { 'root-cause': { done: true, link: 'https://wiki.example.com/rca/214' }, 'corrective-action': { done: true, issueKey: 'sup-1' } }, baseRevision: 1 }));
      expect(answer.followUps.items).toEqual({ 'root-cause': { done: true, link: 'https://wiki.example.com/rca/214' }, 'corrective-action': { done: true, issueKey: 'SUP-1' } });
      expect(answer.followUps.revision).toBe(2);
    });

    it('creates the corrective action in the backlog, links it, records it; a second create is refused', async () => {
      const before = h.sim.store.issues.length;
      const answer = dataOf(await create(CREATE_FROM, 0));
      const key = answer.created?.issueKey ?? '';
      expect(answer.created).toEqual({ issueKey: key, linked: true });
      expect(answer.message).toBe(`Created ${key} in the SUP backlog, linked it to ${CREATE_FROM} and recorded it as the corrective action.`);
      expect(answer.followUps.items['corrective-action']).toEqual({ done: true, issueKey: key });
      expect(h.sim.store.issues.length).toBe(before + 1);
      const created = h.sim.store.issue(key);
      const source = h.sim.store.issue(CREATE_FROM);
      expect(created?.summary).toBe(`Corrective action for ${CREATE_FROM}: ${source?.summary}`);
      expect(created?.sprintIds).toEqual([]);
      expect(h.sim.store.issueLinks).toContainEqual(expect.objectContaining({ typeName: 'Relates', outwardIssueId: created?.id, inwardIssueId: source?.id }));
      const again = await create(CREATE_FROM, 1);
      expect(again).toEqual({ ok: false, error: { code: 'VALIDATION', message: `${CREATE_FROM} already has a corrective action, ${key}. Clear it and save first to create another.` } });
      expect(h.sim.store.issues.length).toBe(before + 1);
    });

    it('two clicks at once create one issue: the other is told someone is creating it, and nothing is lost', async () => {
      const before = h.sim.store.issues.length;
      const answers = await Promise.all([create('SUP-189', 0), create('SUP-189', 0, 'admin')]);
      expect(h.sim.store.issues.length).toBe(before + 1);
      const won = answers.find((a) => a.ok);
      const lost = answers.find((a) => !a.ok);
      expect(lost).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Someone is creating the corrective action of SUP-189 at this moment, or just did. Reload the page to see it.' } });
      const key = won && won.ok ? won.data.created?.issueKey : undefined;
      expect(key).toBe(h.sim.store.issues[h.sim.store.issues.length - 1]?.key);
      expect((await followUpRecords.read(h.store, 'SUP-189')).value?.items['corrective-action']).toEqual({ done: true, issueKey: key });
    });

    it('a create Jira refuses leaves no claim behind: the next click may try again', async () => {
      const before = h.sim.store.issues.length;
      h.sim.faults.set({ unavailable: { operationId: 'createIssue', retryAfterSeconds: 0 } });
      try {
        expect(await create('SUP-177', 0)).toMatchObject({ ok: false });
      } finally {
        h.sim.faults.clear();
      }
      expect(h.sim.store.issues.length).toBe(before);
      const again = dataOf(await create('SUP-177', 0));
      expect(again.created?.linked).toBe(true);
      expect(h.sim.store.issues.length).toBe(before + 1);
    });

    it('a stale panel creates nothing', async () => {
      const before = h.sim.store.issues.length;
      expect(await create(RESOLVED, 1)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      expect(h.sim.store.issues.length).toBe(before);
    });
  });

  it('with no follow-ups chosen in the settings, the panel asks for none and a save is refused', async () => {
    await storeSettings(h.store, 'SUP', { ...defaultSettings(), followUpKinds: [] });
    expect(dataOf(await panel(RESOLVED)).followUps).toBeNull();
    expect(await save(RESOLVED, { items: { 'root-cause': done }, baseRevision: 2 })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: "Your team records no follow-ups after an interrupt. A project admin can choose them in SUP's Interrupt Budget settings." },
    });
  });

  it('refuses to create a corrective action when the team does not use them', async () => {
    await storeSettings(h.store, 'SUP', defaultSettings());
    const before = h.sim.store.issues.length;
    expect(await create(RACED, 1)).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: "Your team does not record corrective actions as a follow-up. A project admin can turn them on in the project's Interrupt Budget settings." },
    });
    expect(h.sim.store.issues.length).toBe(before);
  });
});
