/**
 * Issue 14, item 3, under the history table: what support cost in delivery — completed non-support
 * points in the high-support sprints against the others — as the domain's sentence, which names
 * the sample size and says when it is too few sprints to be sure (src/domain/delivery-cost.ts).
 */
import { token } from '@atlaskit/tokens';
import type { DashboardView } from '../../../../src/contract';

export function DeliveryCostNote({ cost }: { cost: DashboardView['history']['deliveryCost'] }) {
  return (
    <p data-testid="delivery-cost" style={{ margin: 0 }}>
      <strong>Support and delivery: </strong>
      <span>{cost.sentence}</span>
      <span style={{ color: token('color.text.subtle') }}> Completed points are non-support story points finished in the sprint.</span>
    </p>
  );
}
