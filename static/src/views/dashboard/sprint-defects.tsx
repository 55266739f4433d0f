/**
 * Net new defects on the sprint card (issue 14, item 1): defects opened against closed in the sprint
 * window, so a team that spends its support allocation on symptoms sees the pile grow while it does.
 */
import { token } from '@atlaskit/tokens';
import type { DashboardDefects } from '../../../../src/contract';

export function SprintDefects({ defects, active }: { defects: DashboardDefects; active: boolean }) {
  const net = `${defects.net > 0 ? '+' : ''}${defects.net}`;
  return (
    <div data-testid="sprint-defects" style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>
      Net new defects {active ? 'so far' : 'in the sprint'}: <strong style={{ color: defects.net > 0 ? token('color.text.warning') : token('color.text') }}>{net}</strong> ({defects.opened} opened, {defects.closed} closed)
    </div>
  );
}
