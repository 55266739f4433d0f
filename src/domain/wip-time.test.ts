import fc from 'fast-check';
import { closeWipTally, tallyWip, WIP_SAMPLE_GAP_MS, type WipTally } from './wip-time';

const H = 3_600_000;
const WINDOW = { startMs: 0, endMs: 100 * H };
const run = (samples: Array<[number, boolean]>): WipTally | undefined => samples.reduce<WipTally | undefined>((t, [h, breached]) => tallyWip(t, { atMs: h * H, breached }, WINDOW), undefined);

describe('time over the WIP limit from hourly samples', () => {
  it.each<[string, Array<[number, boolean]>, number, number]>([
    ['one sample measures nothing yet', [[1, true]], 0, 0],
    ['over at both ends of an hour: the hour counts', [[1, true], [2, true]], 1, 1],
    ['over at one end: half of it', [[1, false], [2, true]], 0.5, 1],
    ['over at neither: none of it', [[1, false], [2, false]], 0, 1],
    ['three hours over, then back under', [[1, true], [2, true], [3, true], [4, true], [5, false]], 3.5, 4],
    ['a stretch longer than the gap is not measured', [[1, true], [1 + WIP_SAMPLE_GAP_MS / H + 1, true], [6, true]], 1, 1],
    ['a sample no newer than the last changes nothing', [[2, true], [2, false], [1, false], [3, true]], 1, 1],
    ['samples before the window start at its edge', [[-5, true], [1, true]], 1, 1],
  ])('%s', (_name, samples, overHours, measuredHours) => {
    const t = run(samples);
    expect(t?.overMs).toBe(overHours * H);
    expect(t?.measuredMs).toBe(measuredHours * H);
  });

  it('closing the sprint measures the last stretch as the last sample left it', () => {
    const t = run([[98, true], [99, true]]);
    expect(closeWipTally(t, WINDOW)).toMatchObject({ overMs: 2 * H, measuredMs: 2 * H, lastAtMs: 100 * H });
    expect(closeWipTally(undefined, WINDOW)).toBeUndefined();
    expect(closeWipTally(run([[10, true]]), WINDOW)).toMatchObject({ overMs: 0, measuredMs: 0 }); // 90 h since: not measured
  });

  it('0 ≤ over ≤ measured ≤ the window, whatever the samples', () => {
    const sample = fc.tuple(fc.integer({ min: -10 * H, max: 110 * H }), fc.boolean());
    fc.assert(fc.property(fc.array(sample, { maxLength: 40 }), (samples) => {
      const t = samples.reduce<WipTally | undefined>((acc, [atMs, breached]) => tallyWip(acc, { atMs, breached }, WINDOW), undefined);
      const closed = closeWipTally(t, WINDOW);
      for (const x of [t, closed]) {
        if (!x) continue;
        expect(x.overMs).toBeGreaterThanOrEqual(0);
        expect(x.overMs).toBeLessThanOrEqual(x.measuredMs);
        expect(x.measuredMs).toBeLessThanOrEqual(WINDOW.endMs - WINDOW.startMs);
      }
    }));
  });
});
