/**
 * The retrospective's follow-ups (issue 14, item 2): whether the team learnt from its interrupts —
 * each follow-up's share this sprint ("Root cause analysed: 3 of 4 interrupts (75%)"), the same
 * shares for the sprints the comparison covers, and the interrupts with follow-ups still open. The
 * sentences are the exports' (src/contract/retrospective-text.ts), so the page and the text agree;
 * with no interrupt it says so instead of showing 0 %.
 */
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { FOLLOW_UP_LABELS, followUpLines, followUpShareText, missingText, type RetrospectiveView } from '../../../../../src/contract';
import { IssueLink } from '../../../components/issue-link';
import { DataTable, Muted } from '../layout';

export function FollowUpsBlock({ view, siteUrl }: { view: RetrospectiveView; siteUrl: string }) {
  const { followUps } = view;
  const anyInterrupt = (followUps.shares[0]?.total ?? 0) > 0;
  return (
    <div data-testid="retro-follow-ups" style={{ display: 'grid', gap: token('space.100') }}>
      <Heading size="xsmall" as="h3">
        Follow-ups
      </Heading>
      <ul data-testid="retro-follow-up-shares" style={{ margin: 0, paddingInlineStart: token('space.250'), display: 'grid', gap: token('space.050') }}>
        {followUpLines(view).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {followUps.kinds.length > 0 && followUps.overTime.length > 1 ? (
        <DataTable
          testId="retro-follow-ups-over-time"
          caption="Follow-ups over time"
          rows={followUps.overTime}
          rowKey={(s) => String(s.sprintId)}
          columns={[
            { title: 'Sprint', cell: (s) => s.name, nowrap: true },
            ...followUps.kinds.map((kind) => ({
              title: FOLLOW_UP_LABELS[kind],
              cell: (s: (typeof followUps.overTime)[number]) => {
                const share = s.shares.find((x) => x.kind === kind);
                return share ? followUpShareText(share) : '';
              },
              numeric: true,
            })),
          ]}
        />
      ) : null}
      {followUps.open.length > 0 ? (
        <DataTable
          testId="retro-follow-ups-open"
          caption={`Interrupts with follow-ups open (${followUps.open.length})`}
          rows={followUps.open}
          rowKey={(o) => o.key}
          columns={[
            { title: 'Issue', cell: (o) => <IssueLink siteUrl={siteUrl} issueKey={o.key} />, nowrap: true },
            { title: 'Summary', cell: (o) => <bdi>{o.summary ?? ''}</bdi> },
            { title: 'Missing', cell: (o) => missingText(o) },
          ]}
        />
      ) : anyInterrupt && followUps.kinds.length > 0 && followUps.openRestricted === 0 ? (
        <Muted>Every interrupt has its follow-ups done.</Muted>
      ) : null}
    </div>
  );
}
