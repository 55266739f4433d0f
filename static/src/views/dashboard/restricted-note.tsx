/**
 * What a list leaves out because the viewer may not see those issues in Jira (issue-level
 * security): "2 restricted issues · 5.25 h" — counted, never named. The totals above include them.
 */
import { token } from '@atlaskit/tokens';
import type { DashboardUnit } from '../../../../src/contract';
import { withUnit } from './format';

const WHY = 'Jira does not let you see these issues. They are counted in the totals, but not named here.';

export function RestrictedNote({ count, amount, unit, testId }: { count: number; amount?: number; unit?: DashboardUnit; testId: string }) {
  if (count <= 0) return null;
  const what = `${count} restricted ${count === 1 ? 'issue' : 'issues'}`;
  return (
    <div data-testid={testId} title={WHY} style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>
      {amount !== undefined && unit ? `${what} · ${withUnit(amount, unit)}` : what} <span style={{ color: token('color.text.subtlest') }}>— {WHY}</span>
    </div>
  );
}
