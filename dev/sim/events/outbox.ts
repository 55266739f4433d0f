/**
 * Where the simulated site's events wait for the app, delivered as Forge delivers them: at least
 * once, in no promised order, sometimes late — and, with the faults on, not at all. `take()` hands
 * over what is due by the site's clock; with `ignoreSelf` (the app's manifest asks for it) the
 * events the app's own account caused are left out, as Forge does.
 *
 * Faults (each a probability per event, drawn from a seeded generator so a run can be repeated):
 * `drop` (never delivered), `duplicate` (delivered twice), `delay` (delivered up to `maxDelayMs`
 * later by the site's clock) and `reorder` (each batch handed over shuffled).
 */
import { Prng } from '../prng';
import type { SimEvent } from './forge-events';

export interface EventFaults {
  readonly drop?: number;
  readonly duplicate?: number;
  readonly delay?: number;
  /** Default 30 minutes. */
  readonly maxDelayMs?: number;
  readonly reorder?: boolean;
}

interface Pending {
  readonly event: SimEvent;
  readonly dueMs: number;
  readonly seq: number;
}

export class EventOutbox {
  private pending: Pending[] = [];
  private faults: EventFaults = {};
  private prng: Prng;
  private seq = 0;
  /** Every event raised, delivered or not (for tests that check what the site raised). */
  readonly raised: SimEvent[] = [];

  constructor(seed: number, private readonly now: () => number) {
    this.prng = new Prng(seed).fork('events');
  }

  setFaults(faults: EventFaults, seed?: number): void {
    this.faults = faults;
    if (seed !== undefined) this.prng = new Prng(seed).fork('events');
  }

  emit(event: SimEvent): void {
    this.raised.push(event);
    const { drop = 0, duplicate = 0, delay = 0, maxDelayMs = 30 * 60_000 } = this.faults;
    if (this.prng.next() < drop) return;
    const copies = this.prng.next() < duplicate ? 2 : 1;
    for (let i = 0; i < copies; i++) {
      const late = this.prng.next() < delay ? Math.floor(this.prng.next() * maxDelayMs) : 0;
      this.pending.push({ event, dueMs: event.atMs + late, seq: this.seq++ });
    }
  }

  /** The events due by the site's clock, taken out of the outbox; `ignoreSelf` leaves out the app's own. */
  take(options: { ignoreSelf?: string } = {}): SimEvent[] {
    const now = this.now();
    const due = this.pending.filter((p) => p.dueMs <= now);
    this.pending = this.pending.filter((p) => p.dueMs > now);
    const ordered = this.faults.reorder ? due.map((p) => ({ p, r: this.prng.next() })).sort((a, b) => a.r - b.r).map((x) => x.p) : due.sort((a, b) => a.dueMs - b.dueMs || a.seq - b.seq);
    return ordered.map((p) => p.event).filter((e) => options.ignoreSelf === undefined || e.causedBy !== options.ignoreSelf);
  }

  /** Events not due yet (delayed). */
  get waiting(): number {
    return this.pending.length;
  }

  clear(): void {
    this.pending = [];
    this.raised.length = 0;
  }
}
