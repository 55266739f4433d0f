/**
 * The ticket at a glance: its type, status, priority and severity lozenges, and the SLA clock. Not its
 * key and summary, which Jira shows right above the panel.
 */
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import type { PanelView } from '../../../../src/contract/panel';
import type { PriorityLevel, Severity, SlaState } from '../../../../src/contract/domain';
import { SLA_LABEL, slaTimeText } from './format';
import { factsStyle, subtleText, termStyle, valueStyle } from './panel-style';

const PRIORITY_LOOK: Record<PriorityLevel, ThemeAppearance> = { P1: 'removed', P2: 'moved', P3: 'default', P4: 'default', P5: 'default', unknown: 'default' };
const SEVERITY_LOOK: Record<Severity, ThemeAppearance> = { S1: 'removed', S2: 'moved', S3: 'default', S4: 'default', unknown: 'default' };
const SLA_LOOK: Record<SlaState, ThemeAppearance> = { breached: 'removed', 'at-risk': 'moved', ok: 'success', paused: 'default', none: 'default' };

/** The SLA's remaining time, counted down from when the panel loaded (Jira's clock, not ours, set the start). */
function useRemaining(remainingMs: number | null, running: boolean): number | null {
  const [loadedAt] = useState(() => Date.now());
  const [now, setNow] = useState(loadedAt);
  useEffect(() => {
    if (remainingMs === null || !running) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, [remainingMs, running]);
  return remainingMs === null ? null : running ? remainingMs - (now - loadedAt) : remainingMs;
}

/** Jira's own colours for its status categories: grey To Do, blue In Progress, green Done. */
const STATUS_LOOK = { new: 'default', indeterminate: 'inprogress', done: 'success', unknown: 'default' } as const;
const STATUS_WORD = { new: 'To Do', indeterminate: 'In Progress', done: 'Done', unknown: 'Unknown' } as const;

export function TicketFacts({ view }: { view: PanelView }) {
  const { ticket, priority, severity, sla } = view;
  const running = sla.state === 'ok' || sla.state === 'at-risk' || sla.state === 'breached';
  const remaining = useRemaining(sla.remainingMs, running);
  const slaTime = slaTimeText(sla.state, remaining);
  return (
    <section aria-labelledby="ib-ticket-heading" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      {/* Not the key and summary: Jira shows them right above the panel (issue 12, item 10). */}
      <h2 id="ib-ticket-heading" style={{ ...subtleText, fontWeight: 600 }}>
        {ticket.issueType} · {ticket.isSupport ? 'support ticket' : 'not a support ticket'}
      </h2>
      <dl style={factsStyle}>
        <dt style={termStyle}>Status</dt>
        <dd style={valueStyle} data-testid="ticket-status">
          <Lozenge appearance={STATUS_LOOK[ticket.statusCategory]}>{ticket.status ?? STATUS_WORD[ticket.statusCategory]}</Lozenge>
        </dd>
        <dt style={termStyle}>Priority</dt>
        <dd style={valueStyle}>
          <Lozenge appearance={PRIORITY_LOOK[priority.level]} isBold={priority.level === 'P1'}>
            {priority.level === 'unknown' ? 'Unknown' : priority.level}
          </Lozenge>
          {priority.name ? <span>{priority.name}</span> : <span style={subtleText}>not set</span>}
        </dd>
        <dt style={termStyle}>Severity</dt>
        <dd style={valueStyle}>
          <Lozenge appearance={SEVERITY_LOOK[severity.level]} isBold={severity.level === 'S1'}>
            {severity.level === 'unknown' ? 'Unknown' : severity.level}
          </Lozenge>
          {severity.value ? <span>{severity.value}</span> : <span style={subtleText}>not set</span>}
        </dd>
        <dt style={termStyle}>SLA</dt>
        <dd style={valueStyle}>
          <Lozenge appearance={SLA_LOOK[sla.state]} isBold={sla.state === 'breached'}>
            {SLA_LABEL[sla.state]}
          </Lozenge>
          {sla.state !== 'none' ? (
            <span>
              {sla.clockName ?? 'SLA'}
              {slaTime ? `: ${slaTime}` : ''}
            </span>
          ) : null}
        </dd>
      </dl>
    </section>
  );
}
