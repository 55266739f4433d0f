/**
 * Decide whether a fault applies to a request: counts per fault, so "the next 3" and "every 5th"
 * mean the same thing however requests interleave, and a seeded draw for fractions.
 */
import type { Prng } from '../prng';
import type { FaultSelector } from './config';

export class FaultPicker {
  private seen = 0;
  private left: number | undefined;

  constructor(private readonly selector: FaultSelector, private readonly prng: Prng) {
    this.left = selector.next;
  }

  applies(operationId: string | undefined): boolean {
    const { selector } = this;
    if (selector.operationId !== undefined && selector.operationId !== operationId) return false;
    this.seen += 1;
    if (this.left !== undefined) {
      if (this.left <= 0) return false;
      this.left -= 1;
      return true;
    }
    if (selector.every !== undefined) return this.seen % selector.every === 0;
    if (selector.fraction !== undefined) return this.prng.next() < selector.fraction;
    return true;
  }
}
