/**
 * The retrospective as text to take to the meeting (issue 14, item 6): Markdown, Confluence wiki
 * markup, and the rows of its lists for a CSV. Shared by the project page ("Copy as Markdown",
 * "Copy for Confluence", "Download CSV") and the CLI, so both say the same. Names and dates come in
 * as functions: the page formats them in the viewer's locale and time zone, the CLI in UTC.
 */
import type { RetrospectiveView, RetroStepView } from './retrospective';
import { FOLLOW_UP_LABELS, type FollowUpShare } from '../domain/follow-ups';
import type { NeedsInfoEnding } from '../domain/retrospective';
import { OUTCOME_LABEL } from './outcome-words';

export interface RetroTextFormat {
  /** A person's name for an account id ("you" for the viewer, "Former user"…). */
  readonly name: (accountId: string) => string;
  /** A date as the reader reads it ("Nov 12, 2026"). */
  readonly day: (iso: string) => string;
}

export const ENDING_WORDS: Record<NeedsInfoEnding, string> = {
  interrupted: 'Interrupted the sprint',
  deferred: 'Sent to the backlog',
  'asked-again': 'Asked again',
  resolved: 'Resolved without another decision',
  waiting: 'Still waiting',
};

const num = (n: number): string => String(Math.round(n * 100) / 100);
const unitOf = (view: RetrospectiveView): string => (view.row.unit === 'hours' ? 'h' : ' pts');
const amount = (view: RetrospectiveView, n: number): string => `${num(n)}${unitOf(view)}`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function stepText(step: RetroStepView, f: RetroTextFormat): string {
  return `${OUTCOME_LABEL[step.outcome]} by ${f.name(step.decidedBy)}, ${f.day(step.decidedAt)}${step.reason ? ` ("${step.reason}")` : ''}`;
}

const earlierText = (steps: readonly RetroStepView[], f: RetroTextFormat): string => steps.map((s) => stepText(s, f)).join('; ');
const endingText = (n: RetrospectiveView['needsInfo'][number], f: RetroTextFormat): string =>
  `${ENDING_WORDS[n.ending]}${n.endedAt ? `, ${f.day(n.endedAt)}` : ''}${n.endedBy ? ` (${f.name(n.endedBy)})` : ''}`;
const policyText = (step: RetroStepView | null): string => (step ? `${OUTCOME_LABEL[step.policyOutcome]}${step.override ? ' (overridden)' : ''}` : '');

interface Table {
  readonly title: string;
  readonly empty: string;
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

function summaryLines(view: RetrospectiveView, f: RetroTextFormat): string[] {
  const { row } = view;
  const over = view.overBudgetBy > 0 ? `over its budget by ${amount(view, view.overBudgetBy)}` : 'within its budget';
  const defects = `${row.defects.net > 0 ? '+' : ''}${row.defects.net} (${row.defects.opened} opened, ${row.defects.closed} closed)`;
  return [
    `Support budget: ${amount(view, row.budget)} of ${amount(view, row.capacity)} capacity (${num(row.allocationPct)} %)`,
    `Support used: ${amount(view, row.used)} (${num(row.sharePct)} % of capacity), ${over}`,
    `Interrupts: ${row.interrupts} · deferred: ${row.deferred} · completed non-support points: ${num(row.velocityPoints)} · net new defects: ${defects}`,
    `Support contact: ${view.supportContact ? f.name(view.supportContact) : 'none set'}`,
    wipTimeSentence(view),
    `Compared with earlier sprints: ${view.comparison.sentence}`,
  ];
}

function tables(view: RetrospectiveView, f: RetroTextFormat): Table[] {
  return [
    {
      title: `Interrupts (${view.interrupts.length})`,
      empty: 'No interrupt took support time in this sprint.',
      header: ['Issue', 'Summary', 'Time', 'Let in', 'Policy said', 'Earlier decisions'],
      rows: view.interrupts.map((i) => [i.key, i.summary ?? '', amount(view, i.amount), i.decision ? `${stepText(i.decision, f)}${i.carriedOver ? ' (carried over)' : ''}` : 'No decision recorded', policyText(i.decision), earlierText(i.earlier, f)]),
    },
    {
      title: `Overrides (${view.overrides.length})`,
      empty: 'The policy was followed every time.',
      header: ['Issue', 'Summary', 'Decision', 'Policy said', 'Earlier decisions'],
      rows: view.overrides.map((o) => [o.key, o.summary ?? '', stepText(o.step, f), OUTCOME_LABEL[o.step.policyOutcome], earlierText(o.earlier, f)]),
    },
    {
      title: `Asked for information (${view.needsInfo.length})`,
      empty: 'Nobody was asked for missing information in this sprint.',
      header: ['Issue', 'Summary', 'Asked', 'How it ended'],
      rows: view.needsInfo.map((n) => [n.key, n.summary ?? '', stepText(n.asked, f), endingText(n, f)]),
    },
    {
      title: `Deferred (${view.deferrals.length})`,
      empty: 'Nothing was deferred in this sprint.',
      header: ['Issue', 'Summary', 'Decision', 'Policy said'],
      rows: view.deferrals.map((d) => [d.key, d.summary ?? '', stepText(d.step, f), policyText(d.step)]),
    },
    {
      title: `Untriaged scope creep (${view.untriaged.length})`,
      empty: 'No support work came in without a decision.',
      header: ['Issue', 'Summary', 'Time'],
      rows: view.untriaged.map((u) => [u.key, u.summary ?? '', amount(view, u.amount)]),
    },
  ];
}

/** "Over the WIP limit (2) for 12.5 h of the 180 h the hourly checks measured." */
export function wipTimeSentence(view: RetrospectiveView): string {
  const w = view.wipTime;
  if (!w) return 'Time over the WIP limit was not measured in this sprint.';
  if (w.measuredHours === 0) return `Time over the WIP limit (${w.limit}) was not measured: the checks ran too rarely in this sprint.`;
  return `Over the WIP limit (${w.limit}) for ${num(w.overHours)} h of the ${num(w.measuredHours)} h the hourly checks measured.`;
}

/** "3 of 4 interrupts (75%)"; "no interrupts" for a sprint without any. */
export function followUpShareText(share: FollowUpShare): string {
  return share.total === 0 ? 'no interrupts' : `${share.done} of ${plural(share.total, 'interrupt')} (${num(share.pct)}%)`;
}

/**
 * The follow-ups of the sprint as sentences: "Root cause analysed: 3 of 4 interrupts (75%)" per kind
 * the team uses, or why there is nothing to count; then the interrupts with open follow-ups that the
 * reader may not see, counted.
 */
export function followUpLines(view: RetrospectiveView): string[] {
  const { followUps } = view;
  const hidden = followUps.openRestricted > 0 ? [`${plural(followUps.openRestricted, 'interrupt')} you may not see ${followUps.openRestricted === 1 ? 'has' : 'have'} open follow-ups.`] : [];
  if (followUps.kinds.length === 0) return ['The team uses no follow-ups, so none are counted. A project admin can choose them in the project\'s Interrupt Budget settings, under "Follow-ups after an interrupt".'];
  if ((followUps.shares[0]?.total ?? 0) === 0) return ['No interrupts in this sprint, so no follow-ups were due.'];
  return [...followUps.shares.map((s) => `${FOLLOW_UP_LABELS[s.kind]}: ${followUpShareText(s)}`), ...hidden];
}

/** What an open interrupt still lacks, by name: "Root cause analysed, Regression test added (not resolved yet)". */
export function missingText(open: RetrospectiveView['followUps']['open'][number]): string {
  return `${open.missing.map((k) => FOLLOW_UP_LABELS[k]).join(', ')}${open.resolved ? '' : ' (not resolved yet)'}`;
}

function followUpTables(view: RetrospectiveView): Table[] {
  const { followUps } = view;
  if (followUps.kinds.length === 0) return [];
  return [
    {
      title: 'Follow-ups over time',
      empty: '',
      header: ['Sprint', ...followUps.kinds.map((k) => FOLLOW_UP_LABELS[k])],
      rows: followUps.overTime.map((s) => [s.name, ...s.shares.map(followUpShareText)]),
    },
    {
      title: `Open follow-ups (${followUps.open.length})`,
      empty: (followUps.shares[0]?.total ?? 0) === 0 ? 'No interrupts in this sprint, so no follow-ups were due.' : followUps.openRestricted > 0 ? 'None you may see.' : 'Every interrupt has its follow-ups done.',
      header: ['Issue', 'Summary', 'Missing'],
      rows: followUps.open.map((o) => [o.key, o.summary ?? '', missingText(o)]),
    },
  ];
}

const restrictedLine = (view: RetrospectiveView): string[] => (view.restricted > 0 ? [`${plural(view.restricted, 'issue')} you may not see ${view.restricted === 1 ? 'is' : 'are'} counted in the numbers, not listed.`] : []);
const title = (view: RetrospectiveView, f: RetroTextFormat): string => `Retrospective: ${view.sprint.name} (${f.day(view.sprint.startDate)} – ${f.day(view.sprint.endDate)})`;

/** Markdown cells: a pipe would end the cell, a newline the row. */
const mdCell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function mdTable(t: Table, heading: string): string[] {
  if (t.rows.length === 0) return ['', `${heading} ${t.title}`, t.empty];
  return ['', `${heading} ${t.title}`, `| ${t.header.map(mdCell).join(' | ')} |`, `|${t.header.map(() => ' --- ').join('|')}|`, ...t.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`)];
}

export function retrospectiveMarkdown(view: RetrospectiveView, f: RetroTextFormat): string {
  const lines = [`# ${title(view, f)}`, '', '## Allocated and spent', ...summaryLines(view, f).map((l) => `- ${l}`)];
  for (const t of tables(view, f)) lines.push(...mdTable(t, '##'));
  lines.push('', '## Follow-ups', ...followUpLines(view).map((l) => `- ${l}`));
  for (const t of followUpTables(view)) lines.push(...mdTable(t, '###'));
  const restricted = restrictedLine(view);
  if (restricted.length > 0) lines.push('', ...restricted.map((l) => `_${l}_`));
  return `${lines.join('\n')}\n`;
}

/** Confluence wiki markup cells: a pipe ends the cell; braces and brackets start macros and links. */
const wikiCell = (text: string): string => (text === '' ? ' ' : text.replace(/([|{}[\]\\])/g, '\\$1').replace(/\r?\n/g, ' '));

function wikiTable(t: Table, heading: string): string[] {
  if (t.rows.length === 0) return ['', `${heading}. ${t.title}`, t.empty];
  return ['', `${heading}. ${t.title}`, `||${t.header.map(wikiCell).join('||')}||`, ...t.rows.map((r) => `|${r.map(wikiCell).join('|')}|`)];
}

export function retrospectiveConfluence(view: RetrospectiveView, f: RetroTextFormat): string {
  const lines = [`h1. ${wikiCell(title(view, f))}`, '', 'h2. Allocated and spent', ...summaryLines(view, f).map((l) => `* ${wikiCell(l)}`)];
  for (const t of tables(view, f)) lines.push(...wikiTable(t, 'h2'));
  lines.push('', 'h2. Follow-ups', ...followUpLines(view).map((l) => `* ${wikiCell(l)}`));
  for (const t of followUpTables(view)) lines.push(...wikiTable(t, 'h3'));
  const restricted = restrictedLine(view);
  if (restricted.length > 0) lines.push('', ...restricted.map((l) => `_${l}_`));
  return `${lines.join('\n')}\n`;
}

/**
 * One CSV row per listed issue and list: the retrospective's lists in one table; then the follow-up
 * shares, one row per sprint and follow-up (the sprint in Summary, the follow-up in Decision), and
 * the interrupts with open follow-ups (what is missing in the last column).
 */
export function retrospectiveCsvRows(view: RetrospectiveView, f: RetroTextFormat): { header: string[]; rows: string[][] } {
  return {
    header: ['List', 'Issue', 'Summary', 'Time', 'Decision', 'Policy said', 'Earlier decisions or how it ended'],
    rows: [
      ...view.interrupts.map((i) => ['Interrupts', i.key, i.summary ?? '', amount(view, i.amount), i.decision ? `${stepText(i.decision, f)}${i.carriedOver ? ' (carried over)' : ''}` : 'No decision recorded', policyText(i.decision), earlierText(i.earlier, f)]),
      ...view.overrides.map((o) => ['Overrides', o.key, o.summary ?? '', '', stepText(o.step, f), OUTCOME_LABEL[o.step.policyOutcome], earlierText(o.earlier, f)]),
      ...view.needsInfo.map((n) => ['Asked for information', n.key, n.summary ?? '', '', stepText(n.asked, f), '', endingText(n, f)]),
      ...view.deferrals.map((d) => ['Deferred', d.key, d.summary ?? '', '', stepText(d.step, f), policyText(d.step), '']),
      ...view.untriaged.map((u) => ['Untriaged scope creep', u.key, u.summary ?? '', amount(view, u.amount), '', '', '']),
      ...view.followUps.overTime.flatMap((s) => s.shares.map((share) => ['Follow-up shares', '', s.name, '', FOLLOW_UP_LABELS[share.kind], '', followUpShareText(share)])),
      ...view.followUps.open.map((o) => ['Open follow-ups', o.key, o.summary ?? '', '', '', '', `Missing: ${missingText(o)}`]),
    ],
  };
}
