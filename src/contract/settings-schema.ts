/**
 * The project settings an admin edits, as the settings page sends them: the schema the `settings.save`
 * payload and the stored record are validated with. It lives in the contract because the contract
 * exposes it (the UI validates with it and takes its type); the app adds its bookkeeping on top
 * (app/settings/project-settings.ts). Every message reaches the settings form as it is, so each is
 * a sentence an admin can act on.
 */
import { z } from 'zod';
import { isCalendarDate, isValidTimeZone } from '../domain/calendar';
import { DEFAULT_FOLLOW_UP_KINDS, FOLLOW_UP_KINDS } from '../domain/follow-ups';
import { hiddenCharacterSentence } from '../domain/plain-text';
import { PRIORITY_LEVELS } from '../domain/priority';
import { SEVERITY_LEVELS } from '../domain/severity';

const text = z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters');
/** A number in a range, with messages an admin can act on (they reach the settings form as they are). */
const between = (min: number, max: number) => z.number({ error: 'must be a number' }).min(min, `must be ${min} or more`).max(max, `must be ${max} or less`);
const wholeBetween = (min: number, max: number) => between(min, max).int('must be a whole number');

/**
 * Hidden characters (zero-width, bidirectional controls, other controls: domain/plain-text.ts) are
 * refused in every text field here, never stripped: labels, issue type, priority and severity names
 * and account ids must match Jira's exactly, so quietly removing a character would make the app
 * match or write something other than what the admin typed — and the admin is at a form that can
 * say so next to the field. (Free prose, such as an override reason, is stripped instead.)
 */
type Ctx = z.core.$RefinementCtx;
const refuseHidden = (field: string) => (value: string, ctx: Ctx) => {
  const sentence = hiddenCharacterSentence(field, value);
  if (sentence) ctx.addIssue({ code: 'custom', message: sentence });
};
/** The same for each value of a list, reported on the list (the field the admin edits), naming the value by position. */
const refuseHiddenInEach = (item: string) => (values: readonly string[], ctx: Ctx) => {
  values.forEach((value, i) => refuseHidden(`${item} ${i + 1}`)(value, ctx));
};

/** Names and ids Jira gives (issue types, priority and severity values), matched exactly. */
const names = (item: string) => z.array(text).max(30, 'can list at most 30 values').superRefine(refuseHiddenInEach(item));

/** A Jira label, as the field is called on the settings page (`field`). */
const labelText = (field: string) => z.string().trim().min(1, `${field} must not be empty`).max(255, `${field} must be at most 255 characters`);
const noSpaces = (field: string) => (value: string, ctx: Ctx) => {
  if (/\s/.test(value)) ctx.addIssue({ code: 'custom', message: `${field} must not contain spaces (Jira labels cannot)` });
};
const label = (field: string) => labelText(field).superRefine(refuseHidden(field)).superRefine(noSpaces(field));
const labels = (item: string) =>
  z.array(labelText(`${item}s`)).max(30, 'can list at most 30 labels').superRefine(refuseHiddenInEach(item)).superRefine((values, ctx) => values.forEach((v, i) => noSpaces(`${item} ${i + 1}`)(v, ctx)));

/**
 * The two labels apply writes must be told apart: Jira keeps labels as typed, but its search (JQL
 * `labels = …`, which the dashboard counts with) does not tell upper from lower case.
 */
const distinctLabels = (value: { interrupt: string; deferred: string }, ctx: Ctx) => {
  const path = ['deferred'];
  if (value.interrupt === value.deferred) {
    ctx.addIssue({ code: 'custom', path, message: 'The label for deferred tickets is the same as the label for interrupts: choose a different label for each' });
  } else if (value.interrupt.toLowerCase() === value.deferred.toLowerCase()) {
    ctx.addIssue({ code: 'custom', path, message: "The label for deferred tickets differs from the label for interrupts only in capitals, which Jira's search treats as the same label: choose a different label" });
  }
};

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const uniqueWeekdays = (days: readonly number[], ctx: Ctx) => {
  const twice = days.filter((d, i) => days.indexOf(d) !== i);
  const [first] = twice;
  if (first !== undefined) ctx.addIssue({ code: 'custom', message: `Working days lists ${WEEKDAYS[first] ?? first} more than once: choose each day once` });
};

/** Real calendar dates (not only the shape), each once. A value is quoted only when it is digits and dashes. */
const calendarDates = (dates: readonly string[], ctx: Ctx) => {
  dates.forEach((date, i) => {
    const field = `Non-working date ${i + 1}`;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) ctx.addIssue({ code: 'custom', message: `${field} must be a date written year-month-day, such as 2026-12-24` });
    else if (!isCalendarDate(date)) ctx.addIssue({ code: 'custom', message: `${field}, ${date}, is not a date in the calendar: check the month and the day` });
    else if (dates.indexOf(date) !== i) ctx.addIssue({ code: 'custom', message: `${field} repeats ${date}: list each date once` });
  });
};

export const capacitySchema = z.object({
  model: z.enum(['hours', 'points']),
  teamSize: z.number({ error: 'Team size must be a number' }).min(1, 'Team size must be at least 1 person').max(500, 'Team size must be 500 people or fewer'),
  focusHoursPerDay: between(0, 24),
  unestimatedPoints: z.object({ S1: between(0, 100), S2: between(0, 100), S3: between(0, 100), S4: between(0, 100), unknown: between(0, 100) }),
  timeZone: z.string().refine(isValidTimeZone, 'must be a time zone such as Europe/Berlin'),
  workingWeekdays: z.array(z.number().int().min(0).max(6)).min(1, 'needs at least one working day').max(7, 'can list each of the 7 days once').superRefine(uniqueWeekdays),
  nonWorkingDates: z.array(z.string()).max(366, 'can list at most 366 dates').superRefine(calendarDates),
});

/** Everything an admin can change; the save payload carries exactly this. */
export const editableSettingsSchema = z.object({
  allocationPct: between(0, 100),
  // Issue 15, item 3: the Scrum board whose sprints carry the budget, for a project with several;
  // null or absent (also every record saved before it existed) is the first board Jira lists.
  boardId: z.number({ error: 'must be a board id' }).int('must be a board id').positive('must be a board id').nullable().optional(),
  // Issue 14, item 5: `reserve` keeps a support buffer of allocationPct; `track` reserves none ("no
  // buffer, show the cost"): every number is still measured and support shown as a share of capacity
  // and its effect on delivery, with no budget and no overflow protocol. A default, so settings stored
  // before it existed still parse.
  budgetMode: z.enum(['reserve', 'track'], { error: 'must be reserve (keep a support buffer) or track (no buffer, show the cost)' }).default('reserve'),
  capacity: capacitySchema,
  supportFilter: z.object({ issueTypes: names('Support issue type'), labels: labels('Support label') }),
  severityFieldId: z.string().regex(/^customfield_\d+$/, 'must be a custom field id such as customfield_10081').nullable(),
  storyPointsFieldId: z.string().regex(/^customfield_\d+$/, 'must be a custom field id such as customfield_10016').nullable(),
  severityMap: z.object(Object.fromEntries(SEVERITY_LEVELS.map((s) => [s, names(`Severity ${s} value`)])) as Record<(typeof SEVERITY_LEVELS)[number], ReturnType<typeof names>>),
  priorityMap: z.object(Object.fromEntries(PRIORITY_LEVELS.map((p) => [p, names(`Priority ${p} name`)])) as Record<(typeof PRIORITY_LEVELS)[number], ReturnType<typeof names>>),
  slaAtRiskHours: between(0, 720),
  labels: z.object({ interrupt: label('The label for interrupts'), deferred: label('The label for deferred tickets') }).superRefine(distinctLabels),
  commentOnDecision: z.boolean(),
  assignToSupportContact: z.boolean(),
  wipLimit: wholeBetween(1, 50),
  rotation: z.object({
    roster: z.array(text).max(50, 'can have at most 50 people').superRefine(refuseHiddenInEach('Rotation person')),
    overrides: z.record(z.string().regex(/^\d+$/), text).superRefine((overrides, ctx) => {
      for (const [sprintId, accountId] of Object.entries(overrides)) refuseHidden(`The support contact for sprint ${sprintId}`)(accountId, ctx);
    }),
  }),
  historySprints: wholeBetween(1, 24),
  defectTypes: names('Defect issue type'),
  // Issue 12, item 3: which statuses count as "in progress" for the WIP limit (domain/wip.ts).
  // null (the default, also for records saved before this field) is the default rule: Jira's In
  // Progress category minus the statuses whose name says the work waits (Waiting for customer).
  wipStatusIds: z
    .array(z.string().regex(/^\d+$/, 'must be a Jira status id such as 10009'))
    .min(1, 'needs at least one status: choose the statuses where someone works on the ticket, or use the default')
    .max(200)
    .nullable()
    .default(null),
  // Issue 14, item 4: an allocation adopted for one future sprint from the dashboard (who and when,
  // as a settings change), by sprint id; that sprint is measured with it instead of allocationPct.
  // A default, so settings stored before it existed still parse.
  sprintAllocations: z
    .record(z.string().regex(/^\d+$/, 'must be a sprint id'), z.object({ pct: wholeBetween(0, 100), adoptedBy: text, adoptedAt: z.string().datetime({ offset: true }) }))
    .default({}),
  // Issue 12, item 4 (needs info as a flow): the label applying "needs info" adds, and whether the
  // panel offers it checked. A default, so settings stored before it existed still parse.
  needsInfo: z
    .object({ label: label('The label for tickets waiting for information'), addLabel: z.boolean() })
    .default({ label: 'needs-info', addLabel: true }),
  // Issue 14, item 2: which follow-ups the panel offers on a resolved interrupt and the
  // retrospective counts (domain/follow-ups.ts). A default, so settings stored before it still parse.
  followUpKinds: z
    .array(z.enum(FOLLOW_UP_KINDS, { error: 'must be root-cause, regression-test or corrective-action' }))
    .max(FOLLOW_UP_KINDS.length)
    .refine((kinds) => new Set(kinds).size === kinds.length, 'Follow-ups lists a follow-up more than once: choose each once')
    .default([...DEFAULT_FOLLOW_UP_KINDS]),
});
export type EditableSettings = z.infer<typeof editableSettingsSchema>;
