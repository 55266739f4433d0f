/**
 * Issue 14, item 4: the "Next sprint" block — the board's first future sprint with its dates, its
 * capacity, the allocation to reserve (adopted, recommended or the project's), what that leaves for
 * sprint work and the suggested commitment with its sentence — and, for a team that does not
 * estimate defects, the defect-count plan with the numbers it used. In budget mode "track" (no
 * buffer) it shows what support is expected to take instead of an allocation, and no Adopt button. A project admin adopts the
 * recommended allocation for that sprint with one click; whether the viewer may is asked of the
 * backend only when there is something to adopt, so most views spend no permission check on it.
 */
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import type { AdoptedAllocationView, NextSprintView, ResolverError } from '../../../../src/contract';
import { resolver } from '../../api/resolver';
import { ErrorMessage } from '../../components/status';
import { dayYear, inWords } from './format';
import { Section } from './layout';
import { Person } from './person';

export function NextSprint({ next, viewer }: { next: NextSprintView | null; viewer?: string }) {
  if (!next) return null;
  return <NextSprintBlock key={next.id} next={next} viewer={viewer} />;
}

function NextSprintBlock({ next, viewer }: { next: NextSprintView; viewer?: string }) {
  const [adopted, setAdopted] = useState<AdoptedAllocationView | null>(next.adopted);
  const [canAdopt, setCanAdopt] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverError | null>(null);
  const track = next.budgetMode === 'track';
  const adoptable = !track && next.adoptable && next.recommendedPct !== null && adopted?.pct !== next.recommendedPct;

  useEffect(() => {
    if (!adoptable) return;
    let live = true;
    void resolver.dashboard.canAdopt().then((r) => live && setCanAdopt(r.ok && r.data.canAdopt));
    return () => {
      live = false;
    };
  }, [adoptable]);

  const adopt = async (pct: number) => {
    setBusy(true);
    setError(null);
    const result = await resolver.dashboard.adoptAllocation({ sprintId: next.id, pct });
    setBusy(false);
    if (result.ok) setAdopted(result.data.adopted);
    else setError(result.error);
  };

  const unit = next.unit;
  return (
    <Section title={`Next sprint: ${next.name}`} testId="next-sprint">
      <div style={{ color: token('color.text.subtle'), font: token('font.body.small') }} data-testid="next-sprint-dates">
        {dayYear(next.startDate)} – {dayYear(next.endDate)}
        {next.datesAssumed ? ` · ${next.datesAssumed}` : ''}
      </div>
      <dl style={FACTS}>
        <Fact label="Capacity" testId="next-sprint-capacity">
          {next.capacity === null ? 'What the team commits at the start' : inWords(next.capacity, unit)}
        </Fact>
        {next.expectedSupport ? (
          <Fact label="Expected support" testId="next-sprint-expected-support">
            {next.expectedSupport.pct}% of capacity{next.expectedSupport.amount === null ? '' : ` (${inWords(next.expectedSupport.amount, unit)})`}{' '}
            <span style={{ color: token('color.text.subtle') }}>(measured, nothing reserved)</span>
          </Fact>
        ) : (
          <Fact label="Support allocation" testId="next-sprint-allocation">
            {next.plannedPct}%{' '}
            <span style={{ color: token('color.text.subtle') }}>
              {adopted && adopted.pct === next.plannedPct ? '(adopted)' : next.recommendedPct === next.plannedPct ? '(recommended)' : '(the project’s)'}
            </span>
          </Fact>
        )}
        <Fact label="Left for sprint work" testId="next-sprint-left">
          {next.capacityLeft === null ? '—' : inWords(next.capacityLeft, unit)}
        </Fact>
        <Fact label="Suggested commitment" testId="next-sprint-commitment">
          {next.suggestedCommitment ? (
            <Lozenge appearance="inprogress" isBold>
              {next.suggestedCommitment.low === next.suggestedCommitment.high ? next.suggestedCommitment.low : `${next.suggestedCommitment.low}–${next.suggestedCommitment.high}`} points
            </Lozenge>
          ) : (
            '—'
          )}
        </Fact>
      </dl>
      {next.expectedSupport ? (
        <p style={{ margin: 0 }} data-testid="next-sprint-expected-sentence">
          {next.expectedSupport.sentence}
        </p>
      ) : null}
      <p style={{ margin: 0 }} data-testid="next-sprint-sentence">
        {next.sentence}
      </p>
      {next.defectCount ? (
        <p style={{ margin: 0 }} data-testid="next-sprint-defect-count">
          <strong>By defect count</strong> <span style={{ color: token('color.text.subtle') }}>(the team does not estimate defects)</span>: {next.defectCount.sentence}
        </p>
      ) : null}
      <div data-testid="next-sprint-adoption" style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
        {track ? (
          <span style={{ color: token('color.text.subtle') }}>
            The project tracks support without a buffer: there is no allocation to adopt for {next.name}. To reserve one, switch the budget mode to “reserve” on the settings page.
          </span>
        ) : adopted ? (
          <span>
            Allocation for {next.name}: {adopted.pct}% (adopted by <Person accountId={adopted.adoptedBy} viewer={viewer} avatar={false} /> on {dayYear(adopted.adoptedAt)}).
          </span>
        ) : (
          <span style={{ color: token('color.text.subtle') }}>
            No allocation adopted for {next.name} yet: it will be measured with the project’s {next.currentPct}%.
          </span>
        )}
        {adoptable && canAdopt && next.recommendedPct !== null ? (
          <Button appearance="primary" isLoading={busy} onClick={() => void adopt(next.recommendedPct as number)} testId="adopt-allocation">
            Adopt {next.recommendedPct}% for {next.name}
          </Button>
        ) : null}
      </div>
      {error ? (
        error.code === 'CONFLICT' ? (
          <SectionMessage appearance="warning" title="The settings changed meanwhile">
            <p>{error.message}</p>
          </SectionMessage>
        ) : (
          <ErrorMessage error={error} />
        )
      ) : null}
    </Section>
  );
}

function Fact({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <div data-testid={testId}>
      <dt style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>{label}</dt>
      <dd style={{ margin: 0, font: token('font.heading.small') }}>{children}</dd>
    </div>
  );
}

const FACTS: CSSProperties = { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 160px), 1fr))', gap: token('space.150'), margin: 0 };
