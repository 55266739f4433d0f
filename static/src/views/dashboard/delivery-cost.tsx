/**
 * Issue 14, item 3, under the history table: what support cost in delivery — completed non-support
 * points in the high-support sprints against the others — as the domain's sentence, which names
 * the sample size and says when it is too few sprints to be sure (src/domain/delivery-cost.ts) —
 * and the same split on carry-over, the non-support points not done at the sprint's close
 * (src/domain/carry-over.ts).
 */
import { token } from '@atlaskit/tokens';
import type { DashboardView } from '../../../../src/contract';

export function DeliveryCostNote({ cost }: { cost: DashboardView['history']['deliveryCost'] }) {
  return (
    <div data-testid="delivery-cost" style={{ display: 'grid', gap: token('space.050') }}>
      <p style={{ margin: 0 }}>
        <strong>Support and delivery: </strong>
        <span>{cost.sentence}</span>
        <span style={{ color: token('color.text.subtle') }}> Completed points are non-support story points finished in the sprint.</span>
      </p>
      <p style={{ margin: 0 }} data-testid="delivery-cost-carry-over">
        <strong>Carry-over: </strong>
        <span>{cost.carryOver.sentence}</span>
        <span style={{ color: token('color.text.subtle') }}> Carried over are non-support story points still not done when the sprint closed.</span>
      </p>
    </div>
  );
}
