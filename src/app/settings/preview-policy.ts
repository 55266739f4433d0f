/**
 * `settings.previewPolicy`: what a draft policy would decide for the project's 50 most recent support
 * tickets, next to what the policy in force decides, so an admin sees the effect of an edit on real
 * tickets before saving it. Read-only; acts as the user, so it shows only tickets they can see.
 *
 * Tickets are classified with the saved settings (value maps, SLA threshold) and judged at the
 * clock's now, exactly as the panel would judge them today.
 */
import type { PolicyPreview, PreviewVerdict } from '../../contract/settings';
import { evaluatePolicy, type Policy, type Verdict } from '../../domain/policy';
import { triageFacts } from '../../domain/triage-facts';
import type { Ports } from '../../ports';
import { fieldSource } from '../storage/field-list';
import { loadPolicyVersion } from '../storage/policy-versions';
import { loadSettings } from '../storage/settings-repository';
import { siteOrderSource } from '../storage/site-order';
import { classificationOf, withSiteOrder } from './project-settings';
import { recentSupportTickets } from './recent-support-tickets';

export const PREVIEW_SIZE = 50;

const verdictOf = (v: Verdict): PreviewVerdict => ({ outcome: v.outcome, ruleId: v.ruleId, ruleName: v.ruleName });

/** Without a draft, previews the policy in force against itself (what it decides today). */
export async function previewPolicy(ports: Ports, projectKey: string, draft?: Policy): Promise<PolicyPreview> {
  const loaded = await loadSettings(ports.store, projectKey);
  const { settings } = loaded;
  const order = siteOrderSource(ports, projectKey);
  const [current, discovery] = await Promise.all([
    loadPolicyVersion(ports.store, projectKey, settings.policyVersion),
    fieldSource(ports, projectKey).discover({
      ...(settings.severityFieldId ? { severityFieldId: settings.severityFieldId } : {}),
      ...(settings.storyPointsFieldId ? { storyPointsFieldId: settings.storyPointsFieldId } : {}),
    }),
    order.load(),
  ]);
  const [recent, siteOrder] = await Promise.all([
    recentSupportTickets(ports.jira, projectKey, settings.supportFilter, discovery.catalog, PREVIEW_SIZE, { noteMissing: !loaded.isDefault }),
    order.order(settings.supportFilter.issueTypes, discovery.catalog.severity?.id),
  ]);
  const classification = classificationOf(withSiteOrder(settings, siteOrder));
  const nowMs = ports.clock.now();
  const inForce = current.policyVersion.policy;
  const rows = recent.tickets.map((ticket) => {
    const facts = triageFacts(ticket, classification, nowMs);
    const before = evaluatePolicy(inForce, facts);
    const after = draft ? evaluatePolicy(draft, facts) : before;
    return {
      key: ticket.key,
      ...(ticket.summary !== undefined ? { summary: ticket.summary } : {}),
      current: verdictOf(before),
      draft: verdictOf(after),
      changed: before.outcome !== after.outcome,
      reasons: after.reasons,
    };
  });
  return {
    currentVersion: current.policyVersion.version,
    rows,
    changedCount: rows.filter((r) => r.changed).length,
    notes: [loaded.problem, current.problem, ...discovery.notes, ...recent.notes].filter((n): n is string => n !== undefined),
  };
}
