/**
 * The demo site does not depend on when it is started: the same seed at any anchor is the site
 * generated around the reference instant, moved in time as a whole (move-site.ts). Browser tests
 * run against a site anchored at the wall clock, so this is what makes them pass on every day.
 */
import fc from 'fast-check';
import { siteClock } from '../clock';
import { seedSite } from './seed-site';
import { REFERENCE_ANCHOR_MS, moveFor } from './move-site';

const DAY = 86_400_000;
/** Durations, not instants: they stay when the site moves. */
const DURATIONS = new Set(['goalMs', 'elapsedMs']);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** `moved` is `original` with every instant (a `…Ms` number or an ISO string) `by` later; paths that differ otherwise. */
function differences(original: unknown, moved: unknown, by: number, path = '$'): string[] {
  if (typeof original === 'string' && ISO.test(original)) return Date.parse(original) + by === Date.parse(String(moved)) ? [] : [`${path}: ${original} → ${String(moved)}`];
  if (Array.isArray(original)) {
    if (!Array.isArray(moved) || moved.length !== original.length) return [`${path}: length`];
    return original.flatMap((item, i) => differences(item, moved[i], by, `${path}[${i}]`));
  }
  if (original !== null && typeof original === 'object') {
    const other = moved as Record<string, unknown>;
    const keys = Object.keys(original);
    if (moved === null || typeof moved !== 'object' || Object.keys(other).sort().join() !== [...keys].sort().join()) return [`${path}: keys`];
    return keys.flatMap((key) => {
      const value = (original as Record<string, unknown>)[key];
      if (key.endsWith('Ms') && typeof value === 'number' && !DURATIONS.has(key)) return value + by === other[key] ? [] : [`${path}.${key}: ${value} → ${String(other[key])}`];
      return differences(value, other[key], by, `${path}.${key}`);
    });
  }
  return Object.is(original, moved) ? [] : [`${path}: ${String(original)} → ${String(moved)}`];
}

const site = (anchorMs: number) => {
  const store = seedSite(42, siteClock(anchorMs, 'frozen'));
  return { sprints: store.sprints, issues: store.issues };
};

describe('the demo site at any anchor', () => {
  const reference = site(REFERENCE_ANCHOR_MS);

  it('is the reference site moved by whole minutes, never past the anchor', () => {
    expect(moveFor(REFERENCE_ANCHOR_MS)).toBe(0);
    expect(moveFor(REFERENCE_ANCHOR_MS + 59_999)).toBe(0);
    expect(moveFor(REFERENCE_ANCHOR_MS - 1)).toBe(-60_000);
    expect(moveFor(REFERENCE_ANCHOR_MS + 3 * DAY + 7_654_321)).toBe(3 * DAY + 7_620_000);
  });

  it('has the same issues, keys, decisions, SLAs and worklogs, every instant moved with the anchor', () => {
    fc.assert(
      fc.property(fc.integer({ min: -400 * DAY, max: 400 * DAY }), (offset) => {
        const anchor = REFERENCE_ANCHOR_MS + offset;
        expect(differences(reference, site(anchor), moveFor(anchor))).toEqual([]);
      }),
      { numRuns: 12 },
    );
  });

  it('on each day of a week and at any hour (the days a browser test may run on)', () => {
    for (let hours = 0; hours < 7 * 24; hours += 13) {
      const anchor = Date.UTC(2026, 11, 3, 6, 7) + hours * 3_600_000;
      expect(differences(reference, site(anchor), moveFor(anchor))).toEqual([]);
    }
  });

  it('is never after its anchor', () => {
    const anchor = Date.UTC(2026, 11, 3, 6, 7, 31, 250);
    const { issues, sprints } = site(anchor);
    for (const issue of issues) {
      expect(issue.createdMs).toBeLessThanOrEqual(anchor);
      expect(issue.updatedMs).toBeLessThanOrEqual(anchor);
      for (const worklog of issue.worklogs) expect(worklog.createdMs).toBeLessThanOrEqual(anchor);
    }
    expect(sprints.filter((s) => s.state === 'active').every((s) => (s.startMs ?? Infinity) < anchor && (s.endMs ?? 0) > anchor)).toBe(true);
  });
});
