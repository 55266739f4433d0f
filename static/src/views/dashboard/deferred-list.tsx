/** "What we said no to": tickets the product owner sent to the backlog during the sprint, with reasons. */
import Lozenge from '@atlaskit/lozenge';
import type { DeferredTicketView } from '../../../../src/contract';
import { day } from './format';
import { IssueLink } from './issue-link';
import { DataTable, Muted } from './layout';
import { Person } from './person';

const POLICY_SAID = { interrupt: 'Interrupt', backlog: 'Backlog', 'needs-info': 'Needs info' } as const;

export function DeferredList({ deferred, siteUrl, viewer }: { deferred: readonly DeferredTicketView[]; siteUrl: string; viewer?: string }) {
  if (deferred.length === 0) return <Muted>Nothing was deferred in this sprint.</Muted>;
  return (
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
              <Lozenge appearance={d.policyOutcome === 'interrupt' ? 'removed' : 'default'}>{POLICY_SAID[d.policyOutcome]}</Lozenge>
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
        { title: 'Decided', cell: (d) => <><Person accountId={d.decidedBy} viewer={viewer} />, {day(d.decidedAt)}</> },
      ]}
    />
  );
}
