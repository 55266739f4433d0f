/**
 * Turn a Ticket into the facts the policy reads, through the project's classification settings.
 * Time is a parameter: SLA clocks are judged at `nowMs`.
 */
import { DEFAULT_PRIORITY_MAP, normalizePriority, type PriorityValueMap } from './priority';
import { DEFAULT_SEVERITY_MAP, normalizeSeverity, type SeverityValueMap } from './severity';
import { assessSla, DEFAULT_AT_RISK_THRESHOLD_MS } from './sla';
import { DEFAULT_SUPPORT_FILTER, isSupportTicket, type SupportFilter } from './support-filter';
import type { TriageFacts } from './policy';
import type { Ticket } from './ticket';

export interface Classification {
  readonly priorityMap: PriorityValueMap;
  readonly severityMap: SeverityValueMap;
  readonly supportFilter: SupportFilter;
  readonly atRiskThresholdMs: number;
}

export const DEFAULT_CLASSIFICATION: Classification = {
  priorityMap: DEFAULT_PRIORITY_MAP,
  severityMap: DEFAULT_SEVERITY_MAP,
  supportFilter: DEFAULT_SUPPORT_FILTER,
  atRiskThresholdMs: DEFAULT_AT_RISK_THRESHOLD_MS,
};

/** The site's value when it is there but maps to no level (quoted in the policy's reason). */
function unmappedValue(value: string | undefined, level: string): string | undefined {
  const shown = value?.trim().slice(0, 60);
  return level === 'unknown' && shown ? shown : undefined;
}

export function triageFacts(ticket: Ticket, classification: Classification, nowMs: number): TriageFacts {
  const priority = normalizePriority(ticket.priorityName, classification.priorityMap);
  const severity = normalizeSeverity(ticket.severityValue, classification.severityMap);
  const unmappedPriority = unmappedValue(ticket.priorityName, priority);
  const unmappedSeverity = unmappedValue(ticket.severityValue, severity);
  return {
    priority,
    severity,
    ...(unmappedPriority !== undefined || unmappedSeverity !== undefined
      ? { unmapped: { ...(unmappedPriority !== undefined ? { priority: unmappedPriority } : {}), ...(unmappedSeverity !== undefined ? { severity: unmappedSeverity } : {}) } }
      : {}),
    sla: assessSla(ticket.slaClocks, { nowMs, atRiskThresholdMs: classification.atRiskThresholdMs }),
    issueType: ticket.issueType,
    labels: ticket.labels,
    components: ticket.components,
    isSupport: isSupportTicket(ticket, classification.supportFilter),
  };
}
