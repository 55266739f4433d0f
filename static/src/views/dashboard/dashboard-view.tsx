/**
 * The project page dashboard (the team's view during the sprint and in retrospectives): the sprint's
 * support budget against what support used, its burn, where the effort went, who is on support and
 * the WIP, the overflow decision when over budget, what was deferred, and the history of closed
 * sprints with the recommended allocation. The numbers paint first; the charts load lazily.
 */
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import { PeopleProvider } from '../../components/person';
import { ErrorMessage, Loading } from '../../components/status';
import type { DashboardSprint, DashboardView as View } from '../../../../src/contract';
import type { ViewProps } from '../view-props';
import { BudgetMeter } from './budget-meter';
import { BurnSection } from './burn-section';
import { DefaultSettingsNotice } from './default-settings-notice';
import { DeferredList } from './deferred-list';
import { dayYear, instant, setViewerDates, staleSentence } from './format';
import { HistorySection } from './history-section';
import { Section } from './layout';
import { NextSprint } from './next-sprint';
import { OverflowBanner } from './overflow-banner';
import { RetrospectiveSection } from './retrospective/retrospective-section';
import { SprintDefects } from './sprint-defects';
import { SprintPicker } from './sprint-picker';
import { Breakdown, SupportTickets } from './support-work';
import { SupportContact } from './support-contact';
import { useDashboard } from './use-dashboard';
import { WaitingList } from './waiting-list';

export default function DashboardView({ context }: ViewProps) {
  const state = useDashboard();
  const siteUrl = context.siteUrl ?? '';
  const viewer = context.accountId;
  setViewerDates(context.locale, context.timezone); // instants in the viewer's time zone (format.ts)
  if (!state.view) {
    if (state.error) return <ErrorMessage error={state.error} onRetry={state.refresh} />;
    return <Loading label="Loading the support budget…" />;
  }
  const { view } = state;
  return (
    <PeopleProvider people={view.people}>
    <main style={PAGE} aria-busy={state.loading} data-testid="dashboard">
      <header style={HEADER}>
        <div>
          <Heading size="large" as="h1">
            Interrupt Budget
          </Heading>
          <div style={{ color: token('color.text.subtle') }}>
            {view.projectKey} · {view.board.name}
          </div>
        </div>
        <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
          {/* Issue 15, item 3: with several Scrum boards, which one's sprints carry the budget (chosen in settings). */}
          {(view.boardCount ?? 1) > 1 ? (
            <span data-testid="board-followed" style={{ color: token('color.text.subtle') }}>
              Budget follows board {view.board.name}
            </span>
          ) : null}
          <SprintPicker view={view} value={state.sprintId} onChange={state.choose} disabled={state.loading} />
          <Button onClick={state.refresh} isLoading={state.loading}>
            Refresh
          </Button>
        </div>
      </header>
      {state.error ? <ErrorMessage error={state.error} onRetry={state.refresh} /> : null}
      <DefaultSettingsNotice view={view} context={context} />
      {view.notes.length > 0 ? (
        <SectionMessage appearance="information" title="Things to know">
          <ul>
            {view.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </SectionMessage>
      ) : null}
      {view.sprint?.staleBecause ? (
        <div data-testid="stale-because">
          <SectionMessage appearance="warning" title="These numbers are not the latest">
            <p>{staleSentence(view.sprint.staleBecause)}</p>
          </SectionMessage>
        </div>
      ) : null}
      {view.sprint ? (
        <SprintPanels view={view} sprint={view.sprint} siteUrl={siteUrl} viewer={viewer} onOverflow={state.overflowRecorded} />
      ) : (
        <div data-testid="no-sprint">
          <SectionMessage appearance="information" title="No active sprint">
            <p>{view.message ?? `No sprint is active on ${view.board.name}.`}</p>
          </SectionMessage>
        </div>
      )}
      <NextSprint next={view.nextSprint} viewer={viewer} />
      <HistorySection view={view} />
    </main>
    </PeopleProvider>
  );
}

function SprintPanels({ sprint, siteUrl, viewer, onOverflow }: { view: View; sprint: DashboardSprint; siteUrl: string; viewer?: string; onOverflow: (id: number, d: NonNullable<DashboardSprint['overflow']>) => void }) {
  return (
    <>
      <OverflowBanner key={sprint.id} sprint={sprint} viewer={viewer} onRecorded={(d) => onOverflow(sprint.id, d)} />
      <div style={TWO_COLUMNS}>
        <Section title={`${sprint.name} — ${sprint.budgetMode === 'track' ? 'support, no buffer' : 'support budget'}`} testId="budget">
          <div style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>
            {dayYear(sprint.startDate)} – {dayYear(sprint.endDate)} · {sprint.state === 'active' ? 'active' : 'closed'} · computed {instant(sprint.computedAt)}
          </div>
          <BudgetMeter sprint={sprint} />
          <SprintDefects defects={sprint.defects} active={sprint.state === 'active'} />
        </Section>
        <Section title="Support contact and WIP" testId="contact">
          <SupportContact sprint={sprint} siteUrl={siteUrl} viewer={viewer} />
        </Section>
      </div>
      <Section title="Burn over the sprint" testId="burn">
        <BurnSection sprint={sprint} />
      </Section>
      <div style={TWO_COLUMNS_WIDE_RIGHT}>
        <Section title="Where the support effort went" testId="breakdown-section">
          <Breakdown sprint={sprint} />
        </Section>
        <Section title="Interrupts and support tickets" testId="interrupts">
          <SupportTickets sprint={sprint} siteUrl={siteUrl} />
        </Section>
      </div>
      {sprint.state === 'active' ? (
        <Section title="Waiting for information" testId="waiting">
          <WaitingList waiting={sprint.waiting} restricted={sprint.restricted.waiting} siteUrl={siteUrl} viewer={viewer} />
        </Section>
      ) : null}
      <Section title="What we said no to" testId="deferred">
        <DeferredList deferred={sprint.deferred} restricted={sprint.restricted.deferred} siteUrl={siteUrl} viewer={viewer} />
      </Section>
      {sprint.state === 'closed' ? <RetrospectiveSection key={sprint.id} sprintId={sprint.id} siteUrl={siteUrl} viewer={viewer} /> : null}
    </>
  );
}

const PAGE: CSSProperties = { display: 'flex', flexDirection: 'column', gap: token('space.200'), padding: token('space.200'), color: token('color.text'), background: token('elevation.surface'), minHeight: '100vh', boxSizing: 'border-box' };
const HEADER: CSSProperties = { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', gap: token('space.200'), flexWrap: 'wrap' };
const TWO_COLUMNS: CSSProperties = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 300px), 1fr))', gap: token('space.200'), alignItems: 'start' };
const TWO_COLUMNS_WIDE_RIGHT: CSSProperties = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 320px), 1fr))', gap: token('space.200'), alignItems: 'start' };
