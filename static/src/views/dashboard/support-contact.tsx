/** The sprint's support point of contact and the WIP limit on support work (a breach is shown). */
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { DashboardSprint } from '../../../../src/contract';
import { IssueLink } from '../../components/issue-link';
import { Person } from './person';
import { RestrictedNote } from './restricted-note';

export function SupportContact({ sprint, siteUrl, viewer }: { sprint: DashboardSprint; siteUrl: string; viewer?: string }) {
  const { wip } = sprint;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
      <div data-testid="support-contact">
        <div style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>Support contact</div>
        {sprint.supportContact ? (
          <strong>
            <Person accountId={sprint.supportContact} viewer={viewer} />
          </strong>
        ) : (
          <span style={{ color: token('color.text.subtle') }}>Nobody — set a rotation roster in the project settings.</span>
        )}
      </div>
      <div data-testid="wip">
        <div style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>{sprint.state === 'active' ? 'Support work in progress' : 'Support work in progress when it was last measured'}</div>
        <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
          <strong style={{ font: token('font.heading.medium') }}>
            {wip.count} / {wip.limit}
          </strong>
          <Lozenge appearance={wip.breached ? 'removed' : 'success'}>{wip.breached ? 'Over the WIP limit' : 'Within the WIP limit'}</Lozenge>
        </div>
        {/* The list the issue panel's WIP notice links to: shown whenever something is in progress, not only over the limit. */}
        {wip.inProgress.length > 0 ? (
          <p data-testid="wip-in-progress" style={{ margin: `${token('space.050')} 0 0` }}>
            {wip.inProgress.map((key, i) => (
              <span key={key}>
                {i > 0 ? ', ' : ''}
                <IssueLink siteUrl={siteUrl} issueKey={key} />
              </span>
            ))}
          </p>
        ) : null}
        <RestrictedNote testId="restricted-in-progress" count={sprint.restricted.inProgress} />
      </div>
      {wip.breached && sprint.state === 'active' ? (
        <SectionMessage appearance="warning" title={`${wip.count} support tickets are in progress; the limit is ${wip.limit}`}>
          <p>Finish one before starting another: parallel support work slows every item down.</p>
        </SectionMessage>
      ) : null}
    </div>
  );
}
