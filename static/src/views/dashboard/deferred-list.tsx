/** "What we said no to": tickets the product owner sent to the backlog during the sprint, with reasons. */
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { OutcomeLozenge } from '../../components/outcome';
import type { DeferredTicketView } from '../../../../src/contract';
import { day } from './format';
import { IssueLink } from '../../components/issue-link';
import { DataTable, Muted } from './layout';
import { Person } from './person';
import { RestrictedNote } from './restricted-note';


/** Said next to a decision the app did not record as shown (see the contract's `source`). */
const PROVENANCE: Record<DeferredTicketView['source'], string | null> = {
  app: null,
  property: 'Not recorded by Interrupt Budget: decided before it kept its own record, or written to the issue outside the app.',
  changed: "The issue's decision property was changed outside Interrupt Budget; this is the decision the app recorded.",
};

export function DeferredList({ deferred, restricted = 0, siteUrl, viewer }: { deferred: readonly DeferredTicketView[]; restricted?: number; siteUrl: string; viewer?: string }) {
  const hidden = <RestrictedNote testId="restricted-deferred" count={restricted} />;
  if (deferred.length === 0) return restricted > 0 ? hidden : <Muted>Nothing was deferred in this sprint.</Muted>;
  return (
    <>
      <DataTable
        testId="deferred-table"
        caption={`Sent to the backlog during the sprint (${deferred.length})`}
        rows={deferred}
        rowKey={(d) => d.key}
        columns={[
          { title: 'Issue', cell: (d) => <IssueLink siteUrl={siteUrl} issueKey={d.key} /> },
          { title: 'Summary', cell: (d) => <bdi>{d.summary ?? ''}</bdi> },
          {
            title: 'Policy said',
            cell: (d) => (
              <>
                <OutcomeLozenge outcome={d.policyOutcome} bold={false} />
                {d.override ? (
                  <>
                    {' '}
                    <Lozenge appearance="moved">Override</Lozenge>
                  </>
                ) : null}
              </>
            ),
          },
          { title: 'Reason', cell: (d) => (d.reason ? <bdi>{d.reason}</bdi> : d.override ? '' : `The policy${d.ruleId ? ` (rule ${d.ruleId})` : "'s default"} said backlog`) },
          {
            title: 'Decided',
            cell: (d) => (
              <>
                <Person accountId={d.decidedBy} viewer={viewer} size="xxsmall" />, {day(d.decidedAt)}
                {PROVENANCE[d.source] ? (
                  <div data-testid="deferral-source" style={{ font: token('font.body.small'), color: token('color.text.subtlest') }}>
                    {PROVENANCE[d.source]}
                  </div>
                ) : null}
              </>
            ),
          },
        ]}
      />
      {hidden}
    </>
  );
}
