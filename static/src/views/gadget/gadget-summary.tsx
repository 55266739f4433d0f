/**
 * The gadget's view mode: the configured project's current sprint — used of budget (figure and
 * meter), status, forecast at the sprint's end, how many support tickets arrived without a triage
 * decision, who is on support — with the time the numbers were measured and the way to the project
 * page, where the detail is. The numbers are the project page's stored ones (the gadget never
 * recomputes them), so the two always agree.
 */
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { FullContext } from '@forge/bridge';
import type { CSSProperties, ReactNode } from 'react';
import { resolver } from '../../api/resolver';
import { ProjectPageLink } from '../../components/project-page-link';
import { ErrorMessage, Loading } from '../../components/status';
import { useEnvelope } from '../../components/use-envelope';
import type { GadgetSprint, GadgetView } from '../../../../src/contract/gadget';
import { day, instant, staleSentence, STATUS_LABEL } from '../dashboard/format';
import { STATUS_FILL, STATUS_LOZENGE } from '../dashboard/palette';
import { formatNumber } from '../../components/amount';
import { PeopleProvider, Person } from '../../components/person';

/** `58.3 h` / `8 pts`: the gadget is small, so units are short; the number is every surface's (components/amount.ts). */
export function short(value: number, unit: GadgetSprint['unit']): string {
  return `${formatNumber(value)} ${unit === 'hours' ? 'h' : value === 1 ? 'pt' : 'pts'}`;
}

export function GadgetSummary({ context, projectKey }: { context: FullContext; projectKey: string | undefined }) {
  if (!projectKey) {
    return (
        <main style={PAGE} aria-label="Interrupt Budget gadget">
          <SectionMessage appearance="information" title="Choose a project">
            <p>This gadget shows one project’s sprint. Open the gadget’s menu and choose Edit to pick the project.</p>
          </SectionMessage>
        </main>
    );
  }
  return <Summary context={context} projectKey={projectKey} />;
}

function Summary({ context, projectKey }: { context: FullContext; projectKey: string }) {
  const loaded = useEnvelope(resolver.gadget.get, [projectKey]);
  if (loaded.state === 'loading') return <Loading label="Loading the support budget…" />;
  if (loaded.state === 'error') return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  const view: GadgetView = loaded.data;
  const link = (
    <ProjectPageLink context={context} projectKey={view.projectKey} testId="gadget-project-page">
      Open the {view.projectKey} support budget
    </ProjectPageLink>
  );
  return (
    <PeopleProvider people={view.people}>
      <main style={PAGE} aria-label="Interrupt Budget gadget" data-testid="gadget">
        <header style={HEADER}>
          <strong style={{ font: token('font.heading.xsmall') }}>{view.sprint ? view.sprint.name : view.board.name}</strong>
          {view.sprint && view.sprint.budgetMode !== 'track' ? (
            <span data-testid="gadget-status">
              <Lozenge appearance={STATUS_LOZENGE[view.sprint.status]} isBold>
                {STATUS_LABEL[view.sprint.status]}
              </Lozenge>
            </span>
          ) : null}
        </header>
        {view.sprint ? <Numbers sprint={view.sprint} viewer={context.accountId} /> : <p style={{ margin: 0 }}>{view.message}</p>}
        {view.sprint?.staleBecause ? (
          <p style={{ margin: 0, color: token('color.text.warning') }} data-testid="gadget-stale">
            {staleSentence(view.sprint.staleBecause)}
          </p>
        ) : null}
        <footer style={FOOTER}>
          {view.sprint ? <span>Measured {instant(view.sprint.computedAt)}</span> : null}
          <span>{link}</span>
        </footer>
      </main>
    </PeopleProvider>
  );
}

function Numbers({ sprint, viewer }: { sprint: GadgetSprint; viewer: string | undefined }) {
  const { unit, used, budget } = sprint;
  const noBuffer = sprint.budgetMode === 'track';
  const over = used - budget;
  const whole = noBuffer ? sprint.capacity : budget;
  const fill = `${Math.min(100, whole > 0 ? (used / whole) * 100 : used > 0 ? 100 : 0)}%`;
  return (
    <>
      <div>
        <div style={{ font: token('font.heading.medium') }} data-testid="gadget-used">
          {short(used, unit)}{' '}
          <span style={{ font: token('font.body'), color: token('color.text.subtle') }}>
            {noBuffer ? `of ${short(sprint.capacity, unit)} capacity · ${sprint.sharePctOfCapacity}% · no buffer reserved` : `of ${short(budget, unit)} used · ${sprint.usedPctOfBudget}%`}
          </span>
        </div>
        <div
          role="meter"
          aria-label={noBuffer ? 'Support as a share of capacity' : 'Support budget used'}
          aria-valuemin={0}
          aria-valuemax={whole}
          aria-valuenow={Math.min(used, whole)}
          aria-valuetext={noBuffer ? `${short(used, unit)} of ${short(whole, unit)} capacity, ${sprint.sharePctOfCapacity}%` : `${short(used, unit)} of ${short(budget, unit)} used, ${sprint.usedPctOfBudget}%`}
          style={TRACK}
        >
          <div style={{ ...FILL, width: fill, background: STATUS_FILL[sprint.status] }} />
        </div>
      </div>
      <dl style={FACTS}>
        {noBuffer ? null : (
          <Fact term={over > 0 ? 'Over by' : 'Left'} testId="gadget-left">
            <span style={over > 0 ? { color: token('color.text.danger') } : undefined}>{short(over > 0 ? over : sprint.remaining, unit)}</span>
          </Fact>
        )}
        <Fact term="Forecast" testId="gadget-forecast">
          {short(sprint.forecast, unit)} by {day(sprint.endDate)}
        </Fact>
        <Fact term="Untriaged" testId="gadget-untriaged">
          {untriagedText(sprint)}
        </Fact>
        <Fact term="Support contact" testId="gadget-support-contact">
          {sprint.supportContact ? <Person accountId={sprint.supportContact} viewer={viewer} /> : <span style={{ color: token('color.text.subtle') }}>Nobody set</span>}
        </Fact>
      </dl>
    </>
  );
}

/** "3 tickets without a decision"; "at least 3 …" when the stored rollup could not list them all. */
export function untriagedText({ untriagedCount: n, untriagedCountIsLowerBound: atLeast }: Pick<GadgetSprint, 'untriagedCount' | 'untriagedCountIsLowerBound'>): string {
  if (n === 0) return atLeast ? 'None listed (the sprint is too large to list every ticket)' : 'None';
  return `${atLeast ? 'At least ' : ''}${n} ${n === 1 ? 'ticket' : 'tickets'} without a decision`;
}

function Fact({ term, testId, children }: { term: string; testId: string; children: ReactNode }) {
  return (
    <>
      <dt style={TERM}>{term}</dt>
      <dd style={VALUE} data-testid={testId}>
        {children}
      </dd>
    </>
  );
}

const PAGE: CSSProperties = { display: 'flex', flexDirection: 'column', gap: token('space.150'), padding: token('space.100'), color: token('color.text'), font: token('font.body'), overflowWrap: 'anywhere' };
const HEADER: CSSProperties = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: token('space.100') };
const TRACK: CSSProperties = { position: 'relative', height: 8, marginTop: token('space.075'), borderRadius: token('radius.small'), background: token('color.background.neutral'), overflow: 'hidden' };
const FILL: CSSProperties = { position: 'absolute', inset: '0 auto 0 0' };
const FACTS: CSSProperties = { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: token('space.150'), rowGap: token('space.075'), margin: 0, padding: 0 };
const TERM: CSSProperties = { color: token('color.text.subtle'), margin: 0 };
const VALUE: CSSProperties = { margin: 0 };
const FOOTER: CSSProperties = { display: 'flex', flexWrap: 'wrap', justifyContent: 'space-between', gap: token('space.100'), color: token('color.text.subtle'), font: token('font.body.small') };
