/**
 * The app's own record of decisions (src/app/storage/decision-audit.ts) for the demo site's closed
 * sprints, written into the preview's store at start. On a real site the audit grows as the product
 * owner applies decisions; the demo's decisions exist only as issue properties (the seed writes no
 * app storage), so without this the retrospective could show no earlier decisions and no requests
 * for information. Each decided SUP ticket of a closed sprint gets its property's decision as its
 * latest entry (so the audit and the property agree); every second override (by issue number) was
 * first sent back to the reporter for information four hours earlier — the needs-info request the
 * retrospective lists, and the earlier decision beside the override. Deterministic: the same site
 * gives the same audit.
 */
import { recordDecision } from '../../src/app/storage/decision-audit';
import { DECISION_PROPERTY_KEY, type TriageDecision } from '../../src/domain/decision';
import { readDecisionProperty } from '../../src/jira/decision-property';
import type { KeyValueStore } from '../../src/ports';
import type { Simulator } from '../sim';

const HOUR = 3_600_000;

export async function seedDecisionAudit(sim: Simulator, store: KeyValueStore, projectKey = 'SUP'): Promise<number> {
  const activeStart = Math.min(...sim.store.sprints.filter((s) => s.state === 'active').map((s) => s.startMs ?? Infinity));
  let written = 0;
  for (const issue of sim.store.issues) {
    if (!issue.key.startsWith(`${projectKey}-`)) continue;
    const { decision } = readDecisionProperty(issue.properties[DECISION_PROPERTY_KEY]);
    const decidedMs = decision ? Date.parse(decision.decidedAt) : NaN;
    if (!decision || !(decidedMs < activeStart)) continue;
    const askedMs = Math.max(issue.createdMs + 10 * 60_000, decidedMs - 4 * HOUR);
    let latest;
    if (decision.override && Number(issue.key.split('-')[1]) % 2 === 0 && askedMs < decidedMs) {
      const asked: TriageDecision = { outcome: 'needs-info', policyOutcome: decision.policyOutcome, policyVersion: decision.policyVersion, ruleId: decision.ruleId, override: decision.policyOutcome !== 'needs-info', reason: 'Asked the reporter for the severity and how many customers are affected', decidedBy: decision.decidedBy, decidedAt: new Date(askedMs).toISOString().replace(/\.\d{3}Z$/, 'Z') };
      latest = await recordDecision(store, issue.key, undefined, { decision: asked, commentId: null, recordedAt: askedMs, sameAsLatest: false, asked: ['severity'] });
      written++;
    }
    await recordDecision(store, issue.key, latest, { decision, commentId: null, recordedAt: decidedMs, sameAsLatest: false });
    written++;
  }
  return written;
}
