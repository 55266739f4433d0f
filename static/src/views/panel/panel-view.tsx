/**
 * The issue panel (product owner): is this ticket allowed to interrupt the sprint? The ticket's
 * priority, severity and SLA; the policy's verdict with its reasons; the recorded decision or the
 * trigger's suggestion; and — for people who may act — the three outcomes, what applying does, and
 * the result of each step. Everyone else gets the same facts read-only, with the reason why.
 */
import SectionMessage from '@atlaskit/section-message';
import { showFlag } from '@forge/bridge';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { refreshJiraView } from '../../api/jira-view';
import { resolver } from '../../api/resolver';
import { ProjectPageLink } from '../../components/project-page-link';
import { PeopleProvider } from '../../components/person';
import { ErrorMessage, Loading } from '../../components/status';
import { useEnvelope } from '../../components/use-envelope';
import type { FollowUpsSaved, ResolverError } from '../../../../src/contract';
import type { ApplyDecisionResult, PanelView as PanelData } from '../../../../src/contract/panel';
import type { ViewProps } from '../view-props';
import { DecisionForm } from './decision-form';
import { OUTCOME_LABEL, reloadSentence } from './format';
import { panelStyle, subtleText } from './panel-style';
import { StepResults } from './step-results';
import { TicketFacts } from './ticket-facts';
import { useBudgetUpdate, withUpdatedBudget } from './use-budget-update';
import { ScopeNotice } from './scope-notice';
import { DecisionRecord, VerdictSection } from './verdict-section';

/** Loaded only on a resolved interrupt: its checkboxes and fields are not in the panel's first paint. */
const FollowUpsSection = lazy(() => import('./follow-ups-section'));

let flags = 0;
/**
 * Report an outcome as Jira does, with a flag (issue 12, item 6): it stays in view wherever the panel
 * is scrolled, and in the narrow issue panel it does not push anything below the fold.
 */
function flag(type: 'success' | 'warning' | 'error', title: string, description: string): void {
  try {
    showFlag({ id: `ib-apply-${++flags}`, type, title, description, isAutoDismiss: type === 'success' });
  } catch {
    // Outside Jira (no bridge) the inline result still says it.
  }
}

/** `SUP-12` → `SUP`. */
const projectOf = (issueKey: string): string => issueKey.slice(0, issueKey.lastIndexOf('-'));

export default function PanelView({ context }: ViewProps) {
  const loaded = useEnvelope(resolver.panel.get);
  // Keep showing the last view while it refreshes after applying, so the step results stay in place.
  const [shown, setShown] = useState<PanelData | null>(null);
  const [result, setResult] = useState<ApplyDecisionResult | null>(null);
  // Set when Jira would not refresh its issue view after an apply: the sentence saying a reload shows it.
  const [reloadNote, setReloadNote] = useState<string | null>(null);
  const applies = useRef(0);
  // The follow-ups as the last save answered, until a reload of the view has them (or newer).
  const [savedFollowUps, setSavedFollowUps] = useState<FollowUpsSaved | null>(null);
  useEffect(() => {
    if (loaded.state === 'ready') setShown(loaded.data);
  }, [loaded]);
  // The budget and WIP follow the verdict: brought up to date after each `panel.get` that asks for it.
  const budgetUpdate = useBudgetUpdate(shown, shown?.permissions.canApply ?? false);

  if (!shown) {
    if (loaded.state === 'error') return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
    return <Loading label="Loading the triage for this ticket…" />;
  }

  const me = context.accountId;
  const locale = context.locale;
  const timeZone = context.timezone;
  const { permissions } = shown;
  const current = withUpdatedBudget(shown, budgetUpdate);
  const followUps = savedFollowUps && shown.followUps && savedFollowUps.followUps.revision > shown.followUps.revision ? savedFollowUps.followUps : shown.followUps;
  const people = followUps === shown.followUps ? shown.people : { ...shown.people, ...savedFollowUps?.people };

  function applied(next: ApplyDecisionResult): void {
    setResult(next);
    flag(next.complete ? 'success' : 'warning', next.complete ? `Applied: ${OUTCOME_LABEL[next.decision.outcome].toLowerCase()}` : 'Applied in part', next.message);
    setReloadNote(null);
    loaded.reload();
    // Jira's own fields (sprint, labels…) do not update after a change its viewer made through the
    // REST API: ask Jira to refresh the issue view, and say a reload shows the change if it will not.
    const note = reloadSentence(next.steps);
    if (note === null) return;
    const apply = ++applies.current;
    void refreshJiraView().then((refreshed) => {
      if (!refreshed && apply === applies.current) setReloadNote(note);
    });
  }

  function failed(error: ResolverError): void {
    if (error.code === 'CONFLICT') {
      // Someone decided in between: say so, and show their decision (with when, in this viewer's time).
      flag('error', 'Not applied: the decision changed', error.message);
      setResult(null);
      loaded.reload();
      return;
    }
    flag('error', 'Not applied', error.message);
  }

  function followUpsSaved(saved: FollowUpsSaved, kind: 'saved' | 'created'): void {
    setSavedFollowUps(saved);
    const partial = kind === 'created' && saved.created?.linked === false;
    flag(partial ? 'warning' : 'success', kind === 'created' ? (partial ? 'Created, not linked' : 'Corrective action created') : 'Follow-ups saved', saved.message);
  }

  function followUpsConflict(error: ResolverError): void {
    flag('error', 'The follow-ups changed meanwhile', error.message);
    loaded.reload();
  }

  return (
    <PeopleProvider people={people}>
    <main aria-label="Interrupt Budget triage" style={panelStyle}>
      <TicketFacts view={shown} />
      {loaded.state === 'loading' ? (
        <p role="status" style={subtleText}>
          Refreshing…
        </p>
      ) : null}
      {loaded.state === 'error' ? <ErrorMessage error={loaded.error} onRetry={loaded.reload} /> : null}
      {result ? <StepResults result={result} reloadNote={reloadNote} /> : null}
      {shown.scope.applies ? <VerdictSection view={shown} /> : <ScopeNotice scope={shown.scope} context={context} projectKey={projectOf(shown.ticket.key)} canAdminister={permissions.canAdministerProject} />}
      <DecisionRecord view={current} budgetUpdate={budgetUpdate} me={me} locale={locale} timeZone={timeZone} />
      {followUps ? (
        <Suspense fallback={<Loading label="Loading the follow-ups…" />}>
        <FollowUpsSection
          key={followUps.revision}
          followUps={followUps}
          issueKey={shown.ticket.key}
          siteUrl={context.siteUrl ?? ''}
          me={me}
          locale={locale}
          timeZone={timeZone}
          onSaved={followUpsSaved}
          onConflict={followUpsConflict}
        />
        </Suspense>
      ) : null}
      {!shown.scope.applies ? null : permissions.canApply ? (
        <DecisionForm
          key={shown.decision?.decidedAt ?? 'undecided'}
          view={current}
          budgetUpdate={budgetUpdate}
          me={me}
          locale={locale}
          timeZone={timeZone}
          unfinished={result !== null && !result.complete}
          onApplied={applied}
          onFailed={failed}
          wipListLink={
            <ProjectPageLink context={context} projectKey={projectOf(shown.ticket.key)} testId="wip-list">
              see the list
            </ProjectPageLink>
          }
        />
      ) : (
        <SectionMessage appearance="information" title="Read only">
          <p>{permissions.reason ?? 'You cannot apply triage decisions on this ticket.'}</p>
        </SectionMessage>
      )}
      {shown.notes.length > 0 ? (
        <SectionMessage appearance="information" title="Worth knowing">
          <ul style={{ margin: 0 }}>
            {shown.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </SectionMessage>
      ) : null}
    </main>
    </PeopleProvider>
  );
}
