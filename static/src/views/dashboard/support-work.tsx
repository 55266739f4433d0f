/**
 * Where the sprint's support effort went: the breakdown (sanctioned interrupts, planned support,
 * untriaged — the last as a warning, scope creep the policy never saw) and the tickets behind each.
 */
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import type { DashboardBudgetItem, DashboardSprint, RestrictedItems } from '../../../../src/contract';
import { Swatch } from './budget-meter';
import { amount, withUnit } from './format';
import { IssueLink } from '../../components/issue-link';
import { DataTable, Muted } from './layout';
import { SERIES } from './palette';
import { RestrictedNote } from './restricted-note';

type Part = 'sanctioned' | 'planned' | 'untriaged';
/** Each part's tickets the viewer may see, and those they may not (counted only). */
const PARTS: ReadonlyArray<{ part: Part; label: string; list: (s: DashboardSprint) => readonly DashboardBudgetItem[]; hidden: (s: DashboardSprint) => RestrictedItems }> = [
  { part: 'sanctioned', label: 'Sanctioned interrupts', list: (s) => s.interrupts, hidden: (s) => s.restricted.interrupts },
  { part: 'planned', label: 'Planned support', list: (s) => s.plannedSupport, hidden: (s) => s.restricted.plannedSupport },
  { part: 'untriaged', label: 'Untriaged', list: (s) => s.untriaged, hidden: (s) => s.restricted.untriaged },
];

export function Breakdown({ sprint }: { sprint: DashboardSprint }) {
  const total = Math.max(sprint.used.total, 0);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <div aria-hidden style={STACK}>
        {PARTS.map(({ part }) => (total > 0 && sprint.used[part] > 0 ? <div key={part} style={{ width: `${(sprint.used[part] / total) * 100}%`, background: SERIES[part] }} /> : null))}
      </div>
      <ul style={PLAIN_LIST} aria-label="Support used, by kind" data-testid="breakdown">
        {PARTS.map(({ part, label, list, hidden }) => (
          <li key={part} style={{ display: 'flex', gap: token('space.100'), alignItems: 'center' }}>
            <Swatch color={SERIES[part]} />
            <span style={{ flex: 1 }}>
              {label} <span style={{ color: token('color.text.subtlest') }}>({list(sprint).length + hidden(sprint).count})</span>
            </span>
            <strong style={{ fontVariantNumeric: 'tabular-nums' }}>{withUnit(sprint.used[part], sprint.unit)}</strong>
            {part === 'untriaged' && sprint.used.untriaged > 0 ? <Lozenge appearance="moved">Warning</Lozenge> : null}
          </li>
        ))}
      </ul>
      {untriagedCount(sprint) > 0 ? (
        <SectionMessage appearance="warning" title={`${untriagedCount(sprint)} support ${untriagedCount(sprint) === 1 ? 'ticket' : 'tickets'} entered the sprint without a decision`}>
          <p>
            They used {withUnit(sprint.used.untriaged, sprint.unit)} of the budget without the interrupt policy ever seeing them.
            {sprint.state === 'active' ? ' Open each one and apply a decision from its Interrupt Budget panel.' : ''}
          </p>
        </SectionMessage>
      ) : null}
    </div>
  );
}

const untriagedCount = (sprint: DashboardSprint): number => sprint.untriaged.length + sprint.restricted.untriaged.count;

export function SupportTickets({ sprint, siteUrl }: { sprint: DashboardSprint; siteUrl: string }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
      {PARTS.map(({ part, label, list, hidden }) => {
        const items = list(sprint);
        const restricted = <RestrictedNote testId={`restricted-${part}`} count={hidden(sprint).count} amount={hidden(sprint).amount} unit={sprint.unit} />;
        if (items.length === 0 && hidden(sprint).count > 0) {
          return (
            <div key={part}>
              <Muted>{label}:</Muted>
              {restricted}
            </div>
          );
        }
        return items.length === 0 ? (
          <Muted key={part}>{label}: none.</Muted>
        ) : (
          <div key={part}>
            <DataTable
              testId={`tickets-${part}`}
              caption={`${label} (${items.length})`}
              rows={items}
              rowKey={(i) => i.key}
              columns={[
                { title: 'Issue', cell: (i) => <IssueLink siteUrl={siteUrl} issueKey={i.key} /> },
                { title: 'Summary', cell: (i) => <bdi>{i.summary ?? ''}</bdi> },
                {
                  title: sprint.unit === 'hours' ? 'Hours' : 'Points',
                  numeric: true,
                  cell: (i) => (
                    <>
                      {amount(i.amount)}
                      {i.estimated ? <span title="Not estimated: the default for its severity is counted"> (est.)</span> : null}
                    </>
                  ),
                },
              ]}
            />
            {restricted}
          </div>
        );
      })}
    </div>
  );
}

const STACK: CSSProperties = { display: 'flex', height: 10, borderRadius: token('radius.small'), overflow: 'hidden', background: token('color.background.neutral') };
const PLAIN_LIST: CSSProperties = { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.075') };
