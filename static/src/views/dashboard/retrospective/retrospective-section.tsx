/**
 * The retrospective of a closed sprint (issue 14, item 1): allocated against spent and how that
 * compares with the sprints before, the interrupts with who let each in and why, the overrides with
 * the decisions before them, what the team asked for and how it ended, what it deferred and the
 * support work that came in untriaged, and the interrupts' follow-ups (follow-ups-block.tsx). It can be taken to the meeting as Markdown, Confluence text
 * or a CSV of its lists (item 6).
 */
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { showFlag } from '@forge/bridge';
import { useState, type ReactNode } from 'react';
import { ErrorMessage, Loading } from '../../../components/status';
import { OUTCOME_LABEL, OutcomeLozenge } from '../../../components/outcome';
import { ENDING_WORDS, wipTimeSentence, retrospectiveConfluence, retrospectiveCsvRows, retrospectiveMarkdown, type RetroStepView, type RetrospectiveView, type RetroTextFormat } from '../../../../../src/contract';
import { downloadCsv, toCsv } from '../csv';
import { day, dayYear, withUnit } from '../format';
import { IssueLink } from '../../../components/issue-link';
import { DataTable, Muted, Section } from '../layout';
import { PeopleProvider, Person, personName, usePeople } from '../person';
import { RestrictedNote } from '../restricted-note';
import { copyText } from './copy-text';
import { FollowUpsBlock } from './follow-ups-block';
import { useRetrospective } from './use-retrospective';

export function RetrospectiveSection({ sprintId, siteUrl, viewer }: { sprintId: number; siteUrl: string; viewer?: string }) {
  const state = useRetrospective(sprintId);
  // The dashboard's directory names its own people; the retrospective's names everyone it lists.
  const people = { ...usePeople(), ...(state.view?.people ?? {}) };
  const format: RetroTextFormat = { name: (id) => personName(people[id], id === viewer), day: dayYear };
  return (
    <PeopleProvider people={people}>
      <Section title="Retrospective" testId="retrospective" actions={state.view ? <TakeItToTheRetro view={state.view} format={format} /> : undefined}>
        {state.view ? <Retrospective view={state.view} siteUrl={siteUrl} viewer={viewer} /> : state.error ? <ErrorMessage error={state.error} /> : <Loading label="Loading the retrospective…" />}
      </Section>
    </PeopleProvider>
  );
}

function TakeItToTheRetro({ view, format }: { view: RetrospectiveView; format: RetroTextFormat }) {
  const [fallback, setFallback] = useState<string>();
  const copy = async (what: string, text: string) => {
    if (await copyText(text)) {
      setFallback(undefined);
      showFlag({ id: `retro-copied-${Date.now()}`, title: `Copied the retrospective ${what}`, type: 'success', isAutoDismiss: true });
    } else setFallback(text);
  };
  const csv = () => {
    const { header, rows } = retrospectiveCsvRows(view, format);
    downloadCsv(`${view.projectKey}-${view.sprint.name.replace(/[^\w.-]+/g, '-')}-retrospective.csv`, toCsv(header, rows));
  };
  return (
    <div style={{ display: 'flex', gap: token('space.100'), flexWrap: 'wrap' }}>
      <Button testId="retro-copy-markdown" onClick={() => void copy('as Markdown', retrospectiveMarkdown(view, format))}>
        Copy as Markdown
      </Button>
      <Button testId="retro-copy-confluence" onClick={() => void copy('for Confluence', retrospectiveConfluence(view, format))}>
        Copy for Confluence
      </Button>
      <Button testId="retro-csv" onClick={csv}>
        Download CSV
      </Button>
      {fallback ? (
        <div style={{ flexBasis: '100%' }}>
          <SectionMessage appearance="warning" title="Copy it from here">
            <p>This page may not write to your clipboard. Select the text below and copy it.</p>
            <textarea data-testid="retro-copy-fallback" readOnly value={fallback} rows={8} style={{ width: '100%', font: token('font.code') }} onFocus={(e) => e.currentTarget.select()} />
          </SectionMessage>
        </div>
      ) : null}
    </div>
  );
}

function Step({ step, viewer }: { step: RetroStepView; viewer?: string }) {
  return (
    <span>
      <OutcomeLozenge outcome={step.outcome} bold={false} /> <Person accountId={step.decidedBy} viewer={viewer} size="xxsmall" />, {day(step.decidedAt)}
      {step.reason ? (
        <>
          {' · '}
          <bdi>“{step.reason}”</bdi>
        </>
      ) : null}
    </span>
  );
}

function Earlier({ steps, viewer }: { steps: readonly RetroStepView[]; viewer?: string }) {
  if (steps.length === 0) return null;
  return (
    <ul style={{ margin: 0, paddingInlineStart: token('space.200'), font: token('font.body.small') }}>
      {steps.map((s) => (
        <li key={`${s.decidedAt}-${s.outcome}`}>
          <Step step={s} viewer={viewer} />
        </li>
      ))}
    </ul>
  );
}

const Facts = ({ children }: { children: ReactNode }) => <ul style={{ margin: 0, paddingInlineStart: token('space.250'), display: 'grid', gap: token('space.050') }}>{children}</ul>;

function Retrospective({ view, siteUrl, viewer }: { view: RetrospectiveView; siteUrl: string; viewer?: string }) {
  const { row } = view;
  const issue = (key: string) => <IssueLink siteUrl={siteUrl} issueKey={key} />;
  const summary = (x: { summary?: string }) => <bdi>{x.summary ?? ''}</bdi>;
  return (
    <div style={{ display: 'grid', gap: token('space.200') }}>
      <div data-testid="retro-summary">
        <Facts>
          <li>
            Support budget {withUnit(row.budget, row.unit)} of {withUnit(row.capacity, row.unit)} ({row.allocationPct} %); used {withUnit(row.used, row.unit)} ({row.sharePct} % of capacity),{' '}
            {view.overBudgetBy > 0 ? <strong>over its budget by {withUnit(view.overBudgetBy, row.unit)}</strong> : 'within its budget'}.
          </li>
          <li>
            {row.interrupts} interrupts · {row.deferred} deferred · {row.velocityPoints} completed non-support points · net new defects {row.defects.net > 0 ? '+' : ''}
            {row.defects.net} ({row.defects.opened} opened, {row.defects.closed} closed).
          </li>
          <li>Support contact: {view.supportContact ? <Person accountId={view.supportContact} viewer={viewer} size="xxsmall" /> : 'none set'}.</li>
          <li data-testid="retro-wip-time">{wipTimeSentence(view)}</li>
          <li data-testid="retro-comparison">{view.comparison.sentence}</li>
        </Facts>
      </div>
      {view.interrupts.length === 0 ? (
        <Muted>No interrupt took support time in this sprint.</Muted>
      ) : (
        <DataTable
          testId="retro-interrupts"
          caption={`Interrupts and who let them in (${view.interrupts.length})`}
          rows={view.interrupts}
          rowKey={(i) => i.key}
          columns={[
            { title: 'Issue', cell: (i) => issue(i.key), nowrap: true },
            { title: 'Summary', cell: summary },
            { title: 'Time', cell: (i) => withUnit(i.amount, row.unit), numeric: true, nowrap: true },
            {
              title: 'Let in',
              cell: (i) =>
                i.decision ? (
                  <>
                    <Step step={i.decision} viewer={viewer} />
                    {i.decision.override ? <> <Lozenge appearance="moved">Override</Lozenge></> : null}
                    {i.carriedOver ? <div style={{ font: token('font.body.small'), color: token('color.text.subtlest') }}>Let in before this sprint; carried over</div> : null}
                  </>
                ) : (
                  <Muted>No decision recorded</Muted>
                ),
            },
            { title: 'Earlier decisions', cell: (i) => <Earlier steps={i.earlier} viewer={viewer} /> },
          ]}
        />
      )}
      <FollowUpsBlock view={view} siteUrl={siteUrl} />
      <List title="Overrides" testId="retro-overrides" empty="The policy was followed every time." rows={view.overrides}>
        {(o) => [issue(o.key), summary(o), <><Step step={o.step} viewer={viewer} /> <Muted>(the policy said {OUTCOME_LABEL[o.step.policyOutcome]})</Muted></>, <Earlier steps={o.earlier} viewer={viewer} />]}
      </List>
      <List title="Asked for information" testId="retro-needs-info" empty="Nobody was asked for missing information in this sprint." rows={view.needsInfo} headers={['Issue', 'Summary', 'Asked', 'How it ended']}>
        {(n) => [issue(n.key), summary(n), <Step step={n.asked} viewer={viewer} />, <>{ENDING_WORDS[n.ending]}{n.endedAt ? `, ${day(n.endedAt)}` : ''}{n.endedBy ? <> (<Person accountId={n.endedBy} viewer={viewer} avatar={false} />)</> : null}</>]}
      </List>
      <List title="Deferred" testId="retro-deferrals" empty="Nothing was deferred in this sprint." rows={view.deferrals} headers={['Issue', 'Summary', 'Decision', 'Policy said']}>
        {(d) => [issue(d.key), summary(d), <Step step={d.step} viewer={viewer} />, <>{OUTCOME_LABEL[d.step.policyOutcome]}{d.step.override ? <> <Lozenge appearance="moved">Override</Lozenge></> : null}</>]}
      </List>
      <List title="Untriaged scope creep" testId="retro-untriaged" empty="No support work came in without a decision." rows={view.untriaged} headers={['Issue', 'Summary', 'Time']}>
        {(u) => [issue(u.key), summary(u), withUnit(u.amount, row.unit)]}
      </List>
      <RestrictedNote testId="retro-restricted" count={view.restricted} />
    </div>
  );
}


function List<Row extends { key: string }>({ title, testId, empty, rows, headers = ['Issue', 'Summary', 'Decision', 'Earlier decisions'], children }: { title: string; testId: string; empty: string; rows: readonly Row[]; headers?: readonly string[]; children: (row: Row) => ReactNode[] }) {
  if (rows.length === 0) {
    return (
      <div data-testid={testId}>
        <Muted>{empty}</Muted>
      </div>
    );
  }
  return <DataTable testId={testId} caption={`${title} (${rows.length})`} rows={rows} rowKey={(r) => r.key} columns={headers.map((h, i) => ({ title: h, cell: (r: Row) => children(r)[i] }))} />;
}
