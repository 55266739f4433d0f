/**
 * Where the sprint's support effort went: the breakdown (sanctioned interrupts, planned support,
 * untriaged — the last as a warning, scope creep the policy never saw) and the tickets behind each.
 */
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import type { DashboardBudgetItem, DashboardSprint } from '../../../../src/contract';
import { Swatch } from './budget-meter';
import { amount, withUnit } from './format';
import { IssueLink } from './issue-link';
import { DataTable, Muted } from './layout';
import { SERIES } from './palette';

type Part = 'sanctioned' | 'planned' | 'untriaged';
const PARTS: ReadonlyArray<{ part: Part; label: string; list: (s: DashboardSprint) => readonly DashboardBudgetItem[] }> = [
  { part: 'sanctioned', label: 'Sanctioned interrupts', list: (s) => s.interrupts },
  { part: 'planned', label: 'Planned support', list: (s) => s.plannedSupport },
  { part: 'untriaged', label: 'Untriaged', list: (s) => s.untriaged },
];

export function Breakdown({ sprint }: { sprint: DashboardSprint }) {
  const total = Math.max(sprint.used.total, 0);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <div aria-hidden style={STACK}>
        {PARTS.map(({ part }) => (total > 0 && sprint.used[part] > 0 ? <div key={part} style={{ width: `${(sprint.used[part] / total) * 100}%`, background: SERIES[part] }} /> : null))}
      </div>
      <ul style={PLAIN_LIST} aria-label="Support used, by kind" data-testid="breakdown">
        {PARTS.map(({ part, label, list }) => (
          <li key={part} style={{ display: 'flex', gap: token('space.100'), alignItems: 'center' }}>
            <Swatch color={SERIES[part]} />
            <span style={{ flex: 1 }}>
              {label} <span style={{ color: token('color.text.subtlest') }}>({list(sprint).length})</span>
            </span>
            <strong style={{ fontVariantNumeric: 'tabular-nums' }}>{withUnit(sprint.used[part], sprint.unit)}</strong>
            {part === 'untriaged' && sprint.used.untriaged > 0 ? <Lozenge appearance="moved">Warning</Lozenge> : null}
          </li>
        ))}
      </ul>
      {sprint.untriaged.length > 0 ? (
        <SectionMessage appearance="warning" title={`${sprint.untriaged.length} support ${sprint.untriaged.length === 1 ? 'ticket' : 'tickets'} entered the sprint without a decision`}>
          <p>
            They used {withUnit(sprint.used.untriaged, sprint.unit)} of the budget without the interrupt policy ever seeing them. Open each one and apply a decision from its
            Interrupt Budget panel.
          </p>
        </SectionMessage>
      ) : null}
    </div>
  );
}

export function SupportTickets({ sprint, siteUrl }: { sprint: DashboardSprint; siteUrl: string }) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
      {PARTS.map(({ part, label, list }) => {
        const items = list(sprint);
        return items.length === 0 ? (
          <Muted key={part}>{label}: none.</Muted>
        ) : (
          <DataTable
            key={part}
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
        );
      })}
    </div>
  );
}

const STACK: CSSProperties = { display: 'flex', height: 10, borderRadius: token('radius.small'), overflow: 'hidden', background: token('color.background.neutral') };
const PLAIN_LIST: CSSProperties = { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.075') };
