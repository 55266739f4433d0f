/** A user's apply permissions on an issue, remembered five minutes, and only when they let the user apply. */
import { ISSUE_PERMISSIONS_TTL_MS, issuePermissions } from './issue-permissions';
import { keys } from './keys';
import { MemoryStore } from './memory-store';

const NOW = Date.UTC(2026, 10, 23, 9);
const ALL = { EDIT_ISSUES: true, SCHEDULE_ISSUES: true, ADD_COMMENTS: true };

describe('issuePermissions', () => {
  it('answers within the TTL, for that user and issue only, and not from the future', async () => {
    const store = new MemoryStore();
    await issuePermissions.remember(store, 'SUP-1', 'u1', NOW, ALL);
    expect(await issuePermissions.read(store, 'SUP-1', 'u1', NOW + ISSUE_PERMISSIONS_TTL_MS - 1)).toEqual(ALL);
    expect(await issuePermissions.read(store, 'SUP-1', 'u1', NOW + ISSUE_PERMISSIONS_TTL_MS)).toBeUndefined();
    expect(await issuePermissions.read(store, 'SUP-1', 'u1', NOW - 1)).toBeUndefined();
    expect(await issuePermissions.read(store, 'SUP-1', 'u2', NOW)).toBeUndefined();
    expect(await issuePermissions.read(store, 'SUP-2', 'u1', NOW)).toBeUndefined();
  });

  it.each([
    ['Edit Issues', { ...ALL, EDIT_ISSUES: false }],
    ['Schedule Issues', { ...ALL, SCHEDULE_ISSUES: false }],
  ])('keeps nothing without %s, and forgets an earlier answer', async (_what, granted) => {
    const store = new MemoryStore();
    await issuePermissions.remember(store, 'SUP-1', 'u1', NOW, ALL);
    await issuePermissions.remember(store, 'SUP-1', 'u1', NOW + 1, granted);
    expect(await store.get(keys.issuePermissions('SUP-1', 'u1'))).toBeUndefined();
    expect(await issuePermissions.read(store, 'SUP-1', 'u1', NOW + 1)).toBeUndefined();
  });

  it('reads a damaged record as nothing remembered', async () => {
    const store = new MemoryStore();
    await store.set(keys.issuePermissions('SUP-1', 'u1'), { schemaVersion: 1, checkedAt: NOW, granted: { EDIT_ISSUES: false } });
    expect(await issuePermissions.read(store, 'SUP-1', 'u1', NOW)).toBeUndefined();
  });
});
