/**
 * The WIP limit in one line, not a box (issue 12, item 3): a big warning pushed Apply below the fold
 * at Jira's 380 px panel width, for a fact the product owner only needs to glance at. The full
 * sentence stays available as the line's title; which tickets are in progress is the dashboard's
 * list (`listLink`), since the panel names only its own ticket.
 */
import StatusWarningIcon from '@atlaskit/icon/core/status-warning';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type { PanelWip } from '../../../../src/contract/panel';

export function WipNotice({ wip, listLink }: { wip: PanelWip; listLink: ReactNode }) {
  return (
    <p
      data-testid="wip-notice"
      title={wip.message}
      style={{ display: 'flex', alignItems: 'center', gap: token('space.050'), margin: 0, font: token('font.body.small'), color: token('color.text') }}
    >
      <StatusWarningIcon label="" color={token('color.icon.warning')} size="small" />
      <span>
        WIP {wip.count}/{wip.limit}, over the limit · {listLink}
      </span>
    </p>
  );
}
