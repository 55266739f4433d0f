/**
 * The freshness rule's table (freshness.ts): what makes an active sprint's stored rollup stale, with
 * the moment its inputs were read (`basedOn`) — not when it was written — as the line a settings save
 * or a decision must not cross.
 */
import type { Sprint } from '../../jira/client/agile-client';
import { SNAPSHOT_MAX_AGE_MS, snapshotStaleness } from './freshness';

const START = Date.UTC(2026, 10, 16, 9);
const END = Date.UTC(2026, 10, 30, 17);
const sprint: Sprint = { id: 7, name: 'SUP Sprint 7', state: 'active', startDate: new Date(START).toISOString(), endDate: new Date(END).toISOString() } as Sprint;
const T = Date.UTC(2026, 10, 23, 9);
const rollup = (over: { basedOn?: number; computedAt?: number; invalidatedAt?: number } = {}) => ({ state: 'active' as const, startMs: START, endMs: END, computedAt: T, ...over });
const saved = (ms?: number) => ({ updatedAt: ms === undefined ? null : new Date(ms).toISOString() });

describe('snapshotStaleness', () => {
  it.each([
    ['fresh: nothing happened since', rollup({ basedOn: T - 5_000 }), saved(), T + 60_000, undefined, 'fresh'],
    ['a decision after the reads began, before the write: stale', rollup({ basedOn: T - 5_000 }), saved(), T + 60_000, T - 1_000, 'stale'],
    ['a decision before the reads began: fresh', rollup({ basedOn: T - 5_000 }), saved(), T + 60_000, T - 6_000, 'fresh'],
    ['settings saved while it was computed: stale', rollup({ basedOn: T - 5_000 }), saved(T - 2_000), T + 60_000, undefined, 'stale'],
    ['settings saved before: fresh', rollup({ basedOn: T - 5_000 }), saved(T - 9_000), T + 60_000, undefined, 'fresh'],
    ['an old record without basedOn: computedAt is the line', rollup(), saved(T - 2_000), T + 60_000, undefined, 'fresh'],
    ['an old record marked invalidated: stale', rollup({ invalidatedAt: T }), saved(), T + 60_000, undefined, 'stale'],
    ['a basedOn after computedAt is not trusted past computedAt', rollup({ basedOn: T + 10_000 }), saved(T + 5_000), T + 60_000, undefined, 'stale'],
    ['too old: stale', rollup({ basedOn: T }), saved(), T + SNAPSHOT_MAX_AGE_MS, undefined, 'stale'],
  ])('%s', (_name, stored, settings, now, invalidatedAt, expected) => {
    expect(snapshotStaleness(stored, sprint, settings as { updatedAt?: string }, now, invalidatedAt)).toBe(expected);
  });
});
