/**
 * Support tickets around the active sprint, the ones the dashboard and the issue panel are about:
 * planned support, interrupts that arrived mid-sprint (triaged or not), fresh tickets waiting for
 * triage, and one long-running ticket with more worklogs than a search embeds (over 20).
 */
import type { IssueDraft, Phase, ProjectSeed } from './drafts';
import { askForInfo, decide, suggest } from './decisions';
import { SEVERITY_OPTIONS } from '../site/catalog';
import { FORMER_USER_ID } from '../site/users';
import { settleTicket, supportTicket } from './support-tickets';
import { logWork } from './worklogs';
import { DAY, HOUR, MINUTE, anyInstant } from './timeline';
import type { OngoingState } from './sla';

function openPhase(seed: ProjectSeed): Phase {
  return seed.prng.weighted<Phase>([['todo', 2], ['progress', 4], ['waiting', 2], ['done', 2]]);
}

function slaState(seed: ProjectSeed): OngoingState {
  return seed.prng.weighted<OngoingState>([['ok', 4], ['at-risk', 2], ['breached', 2], ['paused', 1]]);
}

function work(seed: ProjectSeed, draft: IssueDraft, phase: Phase, fromMs: number): void {
  const { prng, anchorMs } = seed;
  if (phase !== 'todo') logWork(seed, draft, fromMs, anchorMs, prng.int(1, 4));
  const at = phase === 'done' ? anyInstant(prng, Math.max(fromMs, draft.updatedMs), anchorMs - MINUTE) : Math.max(draft.updatedMs, fromMs);
  settleTicket(seed, draft, phase, at, slaState(seed));
}

export function activeSprintTickets(seed: ProjectSeed): IssueDraft[] {
  const { prng, active, anchorMs } = seed;
  const start = active.startMs ?? anchorMs;
  const drafts: IssueDraft[] = [];

  for (let i = 0; i < 3; i++) {
    const draft = supportTicket(seed, anyInstant(prng, start - 8 * DAY, start - HOUR));
    draft.sprintIds = [active.id];
    draft.assigneeId = prng.pick(seed.workers);
    work(seed, draft, openPhase(seed), start);
    drafts.push(draft);
  }

  // Arrived mid-sprint and in the sprint: three triaged interrupts, two untriaged, one suggested only.
  for (let i = 0; i < 6; i++) {
    const draft = supportTicket(seed, anyInstant(prng, start + HOUR, anchorMs - 2 * HOUR));
    draft.sprintIds = [active.id];
    draft.assigneeId = prng.pick(seed.workers);
    if (i < 3) decide(seed, draft, 'interrupt', Math.min(anchorMs - MINUTE, draft.createdMs + prng.int(20, 90) * MINUTE), active.id);
    else if (i === 5) {
      suggest(seed, draft);
      // Issue 12, item 4: on SUP, the product owner asked how many customers this hits (SUP's "Waiting for information").
      if (seed.project.key === 'SUP') askForInfo(seed, draft, draft.createdMs + 40 * MINUTE, { clearFields: false });
    }
    work(seed, draft, openPhase(seed), draft.createdMs);
    drafts.push(draft);
  }

  // Fresh tickets not in any sprint, waiting for the product owner.
  const fresh: IssueDraft[] = [];
  for (let i = 0; i < 6; i++) {
    const draft = supportTicket(seed, anyInstant(prng, anchorMs - 3 * DAY, anchorMs - 10 * MINUTE));
    if (i === 4) {
      draft.priorityId = '1';
      draft.severityId = '10118';
    }
    if (i < 2 || i === 4) suggest(seed, draft);
    if (i === 2) decide(seed, draft, 'backlog', Math.min(anchorMs - MINUTE, draft.createdMs + 30 * MINUTE));
    // Issue 12, item 4: on TEAM, an unclassified ticket whose reporter was asked for severity and priority.
    if (i === 3 && seed.project.key === 'TEAM') askForInfo(seed, draft, Math.min(anchorMs - MINUTE, draft.createdMs + 20 * MINUTE), { clearFields: true });
    settleTicket(seed, draft, i === 5 ? 'waiting' : 'todo', draft.updatedMs, slaState(seed));
    drafts.push(draft);
    fresh.push(draft);
  }
  slaBreachedSinceSuggested(seed, fresh);

  drafts.push(longRunningTicket(seed));
  return drafts;
}

/**
 * One fresh ticket the trigger suggested backlog for on arrival (Medium, Sev 3, its SLA on track) whose
 * SLA has breached since: the policy's SLA rule now says interrupt, and the panel says the ticket
 * changed, not the policy (issue 12, item 5). Made from the first fresh ticket with a running SLA,
 * after the random draws, so the rest of the seed stays as it was; its summary names it for tests.
 */
export const SLA_BREACHED_SUMMARY = 'Refund emails stuck in the outbound queue';
function slaBreachedSinceSuggested(seed: ProjectSeed, fresh: readonly IssueDraft[]): void {
  const draft = fresh.find((d) => d.priorityId !== '1' && d.slas.some((s) => s.ongoing && !s.ongoing.paused));
  if (!draft) return;
  draft.summary = SLA_BREACHED_SUMMARY;
  draft.priorityId = '3';
  draft.severityId = SEVERITY_OPTIONS[2]?.id ?? null;
  suggest(seed, draft);
  draft.slas = draft.slas.map((sla) => (sla.ongoing && !sla.ongoing.paused ? { ...sla, ongoing: { ...sla.ongoing, elapsedMs: sla.ongoing.goalMs + 2 * HOUR } } : sla));
}

/** Carried over from the last closed sprint, worked on every day since: 26 worklogs. */
function longRunningTicket(seed: ProjectSeed): IssueDraft {
  const { prng, closed, active, anchorMs } = seed;
  const start = active.startMs ?? anchorMs;
  const draft = supportTicket(seed, start - 20 * DAY);
  draft.summary = 'Recurring nightly batch failures';
  draft.labels = ['support', 'customer-reported'];
  draft.priorityId = '2';
  const previous = closed[closed.length - 1];
  draft.sprintIds = previous ? [previous.id, active.id] : [active.id];
  draft.assigneeId = prng.pick(seed.workers);
  // Decided by the product owner before Priya, whose account is deleted since: shown as "Former user".
  decide(seed, draft, 'interrupt', draft.createdMs + HOUR, previous?.id ?? active.id, FORMER_USER_ID);
  logWork(seed, draft, draft.createdMs, anchorMs, 26);
  settleTicket(seed, draft, 'progress', draft.updatedMs, 'breached');
  return draft;
}
