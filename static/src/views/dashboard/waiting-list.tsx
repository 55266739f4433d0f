/**
 * "Waiting for information" (issue 12, item 4): open tickets whose decision is needs-info, longest
 * waiting first, with how long, whom it asks (the reporter) and what was asked — and, when the
 * ticket has it now, that it arrived, so the product owner knows which to decide again. Tickets the
 * viewer may not see are counted, never named.
 */
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { itemList } from '../../../../src/contract/domain';
import type { WaitingTicketView } from '../../../../src/contract';
import { waitedFor } from './format';
import { IssueLink } from '../../components/issue-link';
import { DataTable, Muted } from './layout';
import { Person } from './person';
import { RestrictedNote } from './restricted-note';

function Asked({ ticket }: { ticket: WaitingTicketView }) {
  const what = itemList(ticket.asked);
  return (
    <>
      <span data-testid="asked-items">{what}</span>
      {ticket.askedSource === 'ticket' ? <div style={{ font: token('font.body.small'), color: token('color.text.subtlest') }}>What the ticket lacks now (the request was not recorded by Interrupt Budget).</div> : null}
      {ticket.answered.length > 0 ? (
        <div>
          <Lozenge appearance="success">{`${itemList(ticket.answered)} set — decide again`}</Lozenge>
        </div>
      ) : null}
    </>
  );
}

export function WaitingList({ waiting, restricted = 0, siteUrl, viewer }: { waiting: readonly WaitingTicketView[]; restricted?: number; siteUrl: string; viewer?: string }) {
  const hidden = <RestrictedNote testId="restricted-waiting" count={restricted} />;
  if (waiting.length === 0) return restricted > 0 ? hidden : <Muted>No ticket is waiting for information.</Muted>;
  return (
    <>
      <DataTable
        testId="waiting-table"
        caption={`Decided “needs info” and not done yet, longest waiting first (${waiting.length})`}
        rows={waiting}
        rowKey={(t) => t.key}
        columns={[
          { title: 'Issue', cell: (t) => <IssueLink siteUrl={siteUrl} issueKey={t.key} /> },
          { title: 'Summary', cell: (t) => <bdi>{t.summary ?? ''}</bdi> },
          { title: 'Waiting', nowrap: true, cell: (t) => waitedFor(t.waitingMs) },
          { title: 'Reporter', cell: (t) => (t.reporterAccountId ? <Person accountId={t.reporterAccountId} viewer={viewer} /> : 'Not named in Jira') },
          { title: 'Asked for', cell: (t) => <Asked ticket={t} /> },
        ]}
      />
      {hidden}
    </>
  );
}
