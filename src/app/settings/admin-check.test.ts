/**
 * The cached admin check, with Jira's answer stubbed: a "yes" is reused for a minute and no longer,
 * a "no" is never stored, and a remembered "yes" that Jira now denies is forgotten.
 */
import type { JiraPort, Ports } from '../../ports';
import { keys } from '../storage/keys';
import { MemoryStore } from '../storage/memory-store';
import { ADMIN_CHECK_TTL_MS, isProjectAdmin, requireProjectAdmin } from './admin-check';

const caller = { projectKey: 'SUP', accountId: 'acc-1' };

function portsWith(answers: boolean[]): Ports & { asked: () => number; setNow: (ms: number) => void } {
  let now = 1_000_000;
  let asked = 0;
  const jira = {
    people: {
      myPermissions: async () => ({ ADMINISTER_PROJECTS: answers[Math.min(asked++, answers.length - 1)] === true }),
    },
  } as unknown as JiraPort;
  return { jira, appJira: jira, store: new MemoryStore(), clock: { now: () => now }, asked: () => asked, setNow: (ms) => void (now = ms) };
}

describe('isProjectAdmin', () => {
  it('reuses a yes for a minute, then asks again', async () => {
    const ports = portsWith([true, true]);
    expect(await isProjectAdmin(ports, caller)).toBe(true);
    ports.setNow(1_000_000 + ADMIN_CHECK_TTL_MS - 1);
    expect(await isProjectAdmin(ports, caller)).toBe(true);
    expect(ports.asked()).toBe(1);
    ports.setNow(1_000_000 + ADMIN_CHECK_TTL_MS);
    expect(await isProjectAdmin(ports, caller)).toBe(true);
    expect(ports.asked()).toBe(2);
    expect(await ports.store.get(keys.adminCheck('acc-1', 'SUP'))).toEqual({ schemaVersion: 1, isAdmin: true, checkedAt: 1_000_000 + ADMIN_CHECK_TTL_MS });
  });

  it('never stores a no, and forgets an expired yes that Jira now denies', async () => {
    const ports = portsWith([true, false, false]);
    await isProjectAdmin(ports, caller);
    ports.setNow(1_000_000 + ADMIN_CHECK_TTL_MS);
    expect(await isProjectAdmin(ports, caller)).toBe(false);
    expect((ports.store as MemoryStore).keys()).toEqual([]);
    await expect(requireProjectAdmin(ports, caller)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(ports.asked()).toBe(3);
  });

  it('does not trust a remembered yes stamped in the future, nor a damaged one', async () => {
    const ports = portsWith([true]);
    await (ports.store as MemoryStore).setRaw(keys.adminCheck('acc-1', 'SUP'), { schemaVersion: 1, isAdmin: true, checkedAt: 9_999_999_999 });
    await isProjectAdmin(ports, caller);
    await (ports.store as MemoryStore).setRaw(keys.adminCheck('acc-1', 'SUP'), { schemaVersion: 1, isAdmin: 'yes', checkedAt: 1_000_000 });
    await isProjectAdmin(ports, caller);
    expect(ports.asked()).toBe(2);
  });

  it('keeps answers apart per user and project', async () => {
    const ports = portsWith([true]);
    await isProjectAdmin(ports, caller);
    await isProjectAdmin(ports, { ...caller, projectKey: 'TEAM' });
    await isProjectAdmin(ports, { ...caller, accountId: 'acc-2' });
    expect(ports.asked()).toBe(3);
  });
});
