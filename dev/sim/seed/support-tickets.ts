/**
 * Support tickets over the board's closed sprints: some planned into a sprint at its start, most
 * arriving mid-sprint and either pulled in as interrupts (usually with the product owner's decision
 * recorded, sometimes not — untriaged scope creep) or deferred to the backlog, where some wait,
 * some are planned into a later sprint and some are closed without one.
 */
import { baseDraft, settle, type IssueDraft, type Phase, type ProjectSeed } from './drafts';
import { decide } from './decisions';
import { attachSlas, type OngoingState } from './sla';
import { ticketSummary } from './summaries';
import { logWork } from './worklogs';
import { DAY, HOUR, MINUTE, anyInstant } from './timeline';
import { SEVERITY_OPTIONS } from '../site/catalog';
import type { Sprint } from '../site/model';

const SLA_TYPES = ['Incident', 'Support request'];

/** A new support ticket as it arrives: type, priority, Severity, labels, component. */
export function supportTicket(seed: ProjectSeed, createdMs: number): IssueDraft {
  const { prng, project } = seed;
  const types = project.issueTypes.filter((t) => ['Bug', 'Incident', 'Support request'].includes(t.name)).map((t) => t.name);
  const draft = baseDraft(seed, prng.weighted(types.map((name) => [name, name === 'Bug' ? 5 : 3] as const)), ticketSummary(prng), createdMs);
  draft.priorityId = prng.chance(0.04) ? null : prng.weighted([['1', 2], ['2', 5], ['3', 8], ['4', 4], ['5', 1]]);
  if (prng.chance(0.8)) {
    const weights = draft.priorityId === '1' ? [4, 3, 1, 0.2] : [1, 3, 5, 3];
    draft.severityId = prng.weighted(SEVERITY_OPTIONS.map((o, i) => [o.id, weights[i] ?? 1] as const));
  }
  const labels = new Set<string>();
  if (prng.chance(0.7)) labels.add('support');
  if (prng.chance(0.4)) labels.add('customer-reported');
  if (prng.chance(0.2)) labels.add(prng.pick(['eu', 'us']));
  if (draft.typeId === project.issueTypes.find((t) => t.name === 'Bug')?.id && prng.chance(0.15)) labels.add('regression');
  draft.labels = [...labels];
  if (prng.chance(0.7)) draft.componentIds = [prng.pick(project.components).id];
  draft.reporterId = prng.pick(seed.workers);
  return draft;
}

export function hasSlaType(seed: ProjectSeed, draft: IssueDraft): boolean {
  return seed.hasSla && seed.project.issueTypes.some((t) => t.id === draft.typeId && SLA_TYPES.includes(t.name));
}

/** Put a ticket in a phase at an instant; SLAs follow (completed when done, running otherwise). */
export function settleTicket(seed: ProjectSeed, draft: IssueDraft, phase: Phase, atMs: number, openSla: OngoingState = 'ok'): void {
  settle(seed, draft, phase, true, atMs);
  if (hasSlaType(seed, draft)) attachSlas(seed, draft, phase === 'done' ? undefined : phase === 'waiting' ? 'paused' : openSla);
}

function resolveWithin(seed: ProjectSeed, draft: IssueDraft, fromMs: number, toMs: number): void {
  const resolvedMs = anyInstant(seed.prng, Math.min(fromMs + HOUR, toMs - MINUTE), toMs);
  logWork(seed, draft, fromMs, resolvedMs, seed.prng.int(1, 4));
  settleTicket(seed, draft, 'done', resolvedMs);
}

function deferred(seed: ProjectSeed, draft: IssueDraft, later: readonly Sprint[]): void {
  const { prng, anchorMs } = seed;
  if (prng.chance(0.8)) decide(seed, draft, 'backlog', Math.min(anchorMs, draft.createdMs + prng.int(1, 6) * HOUR));
  const roll = prng.next();
  const planned = later[1];
  if (roll < 0.4 && planned?.startMs !== undefined && planned.completeMs !== undefined) {
    draft.sprintIds = [planned.id];
    draft.assigneeId = prng.pick(seed.workers);
    resolveWithin(seed, draft, planned.startMs, planned.completeMs);
  } else if (roll < 0.7) {
    resolveWithin(seed, draft, draft.createdMs, Math.min(anchorMs, draft.createdMs + prng.int(2, 20) * DAY));
  } else {
    settleTicket(seed, draft, prng.pick<Phase>(['todo', 'waiting']), draft.updatedMs, 'breached');
  }
}

export function closedSprintTickets(seed: ProjectSeed): IssueDraft[] {
  const { prng, closed, active, anchorMs } = seed;
  const drafts: IssueDraft[] = [];
  closed.forEach((sprint, index) => {
    const start = sprint.startMs ?? anchorMs;
    const end = sprint.completeMs ?? anchorMs;
    const later = [...closed.slice(index + 1), active];
    const count = prng.int(5, 8);
    for (let i = 0; i < count; i++) {
      const planned = prng.chance(0.25);
      const draft = supportTicket(seed, planned ? anyInstant(prng, start - 10 * DAY, start - HOUR) : anyInstant(prng, start + 2 * HOUR, end - DAY));
      drafts.push(draft);
      if (!planned && prng.chance(0.35)) {
        deferred(seed, draft, later);
        continue;
      }
      draft.sprintIds = [sprint.id];
      draft.assigneeId = prng.pick(seed.workers);
      if (!planned && prng.chance(0.7)) decide(seed, draft, 'interrupt', draft.createdMs + prng.int(20, 180) * MINUTE, sprint.id);
      const next = later[0];
      const from = Math.max(start, draft.createdMs);
      if (next && prng.chance(0.1)) {
        draft.sprintIds.push(next.id);
        logWork(seed, draft, from, end, prng.int(1, 2));
        if (next.state === 'active') settleTicket(seed, draft, 'progress', next.startMs ?? anchorMs, 'breached');
        else resolveWithin(seed, draft, next.startMs ?? end, next.completeMs ?? anchorMs);
      } else resolveWithin(seed, draft, from, end);
    }
  });
  return drafts;
}
