/**
 * A project's settings: what the admin chose on the settings page, validated at every boundary
 * (the save payload, the stored record). The interrupt policy itself is stored as immutable versions
 * (see storage/policy-versions.ts); settings point at the version in force.
 */
import { z } from 'zod';
import { DEFAULT_HOURS_MODEL, DEFAULT_UNESTIMATED_POINTS, type CapacityModel } from '../../domain/capacity';
import { DEFAULT_WORK_CALENDAR, isValidTimeZone, type WorkCalendar } from '../../domain/calendar';
import { DEFAULT_PRIORITY_MAP, PRIORITY_LEVELS } from '../../domain/priority';
import { DEFAULT_SEVERITY_MAP, SEVERITY_LEVELS } from '../../domain/severity';
import { DEFAULT_SUPPORT_FILTER } from '../../domain/support-filter';
import { DEFAULT_WIP_LIMIT } from '../../domain/wip';
import type { Classification } from '../../domain/triage-facts';
import type { Rotation } from '../../domain/rotation';

export const SETTINGS_SCHEMA_VERSION = 1;

const text = z.string().trim().min(1).max(255);
const label = z.string().trim().min(1).max(255).regex(/^\S+$/, 'must not contain spaces (Jira labels cannot)');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-12-24');
const valueList = z.array(text).max(30);
/** A number in a range, with messages an admin can act on (they reach the settings form as they are). */
const between = (min: number, max: number) => z.number({ error: 'must be a number' }).min(min, `must be ${min} or more`).max(max, `must be ${max} or less`);
const wholeBetween = (min: number, max: number) => between(min, max).int('must be a whole number');

export const capacitySchema = z.object({
  model: z.enum(['hours', 'points']),
  teamSize: between(0, 500),
  focusHoursPerDay: between(0, 24),
  unestimatedPoints: z.object({ S1: between(0, 100), S2: between(0, 100), S3: between(0, 100), S4: between(0, 100), unknown: between(0, 100) }),
  timeZone: z.string().refine(isValidTimeZone, 'must be a time zone such as Europe/Berlin'),
  workingWeekdays: z.array(z.number().int().min(0).max(6)).min(1, 'needs at least one working day').max(7),
  nonWorkingDates: z.array(isoDate).max(366),
});

/** Everything an admin can change; the save payload carries exactly this. */
export const editableSettingsSchema = z.object({
  allocationPct: between(0, 100),
  capacity: capacitySchema,
  supportFilter: z.object({ issueTypes: valueList, labels: z.array(label).max(30) }),
  severityFieldId: z.string().regex(/^customfield_\d+$/, 'must be a custom field id such as customfield_10081').nullable(),
  storyPointsFieldId: z.string().regex(/^customfield_\d+$/, 'must be a custom field id such as customfield_10016').nullable(),
  severityMap: z.object(Object.fromEntries(SEVERITY_LEVELS.map((s) => [s, valueList])) as Record<(typeof SEVERITY_LEVELS)[number], typeof valueList>),
  priorityMap: z.object(Object.fromEntries(PRIORITY_LEVELS.map((p) => [p, valueList])) as Record<(typeof PRIORITY_LEVELS)[number], typeof valueList>),
  slaAtRiskHours: between(0, 720),
  labels: z.object({ interrupt: label, deferred: label }),
  commentOnDecision: z.boolean(),
  assignToSupportContact: z.boolean(),
  wipLimit: wholeBetween(1, 50),
  rotation: z.object({ roster: z.array(text).max(50), overrides: z.record(z.string().regex(/^\d+$/), text) }),
  historySprints: wholeBetween(1, 24),
  defectTypes: valueList,
});
export type EditableSettings = z.infer<typeof editableSettingsSchema>;

/** The stored record: the editable part plus bookkeeping. */
export const storedSettingsSchema = editableSettingsSchema.extend({
  schemaVersion: z.literal(SETTINGS_SCHEMA_VERSION),
  /** 0 until the first save; +1 per save. Saves based on an older revision are refused. */
  revision: z.number().int().min(0),
  /** The policy version in force; 0 means the built-in default policy. */
  policyVersion: z.number().int().min(0),
  updatedBy: z.string().optional(),
  updatedAt: z.string().optional(),
});
export type ProjectSettings = z.infer<typeof storedSettingsSchema>;

/** What a project gets before anyone saves: DESIGN.md's defaults. */
export function defaultSettings(): ProjectSettings {
  return {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    revision: 0,
    policyVersion: 0,
    allocationPct: 20,
    capacity: {
      model: 'hours',
      teamSize: DEFAULT_HOURS_MODEL.teamSize,
      focusHoursPerDay: DEFAULT_HOURS_MODEL.focusHoursPerDay,
      unestimatedPoints: { ...DEFAULT_UNESTIMATED_POINTS },
      timeZone: DEFAULT_WORK_CALENDAR.timeZone,
      workingWeekdays: [...DEFAULT_WORK_CALENDAR.workingWeekdays],
      nonWorkingDates: [],
    },
    supportFilter: { issueTypes: [...DEFAULT_SUPPORT_FILTER.issueTypes], labels: [...DEFAULT_SUPPORT_FILTER.labels] },
    severityFieldId: null,
    storyPointsFieldId: null,
    severityMap: { S1: [...DEFAULT_SEVERITY_MAP.S1], S2: [...DEFAULT_SEVERITY_MAP.S2], S3: [...DEFAULT_SEVERITY_MAP.S3], S4: [...DEFAULT_SEVERITY_MAP.S4] },
    priorityMap: { P1: [...DEFAULT_PRIORITY_MAP.P1], P2: [...DEFAULT_PRIORITY_MAP.P2], P3: [...DEFAULT_PRIORITY_MAP.P3], P4: [...DEFAULT_PRIORITY_MAP.P4], P5: [...DEFAULT_PRIORITY_MAP.P5] },
    slaAtRiskHours: 4,
    labels: { interrupt: 'interrupt', deferred: 'deferred' },
    commentOnDecision: true,
    assignToSupportContact: false,
    wipLimit: DEFAULT_WIP_LIMIT,
    rotation: { roster: [], overrides: {} },
    historySprints: 6,
    defectTypes: ['Bug'],
  };
}

/** The domain's view of the settings. */
export function classificationOf(settings: ProjectSettings): Classification {
  return {
    priorityMap: settings.priorityMap,
    severityMap: settings.severityMap,
    supportFilter: settings.supportFilter,
    atRiskThresholdMs: settings.slaAtRiskHours * 3_600_000,
  };
}

export function capacityModelOf(settings: ProjectSettings): CapacityModel {
  const c = settings.capacity;
  return c.model === 'hours'
    ? { kind: 'hours', teamSize: c.teamSize, focusHoursPerDay: c.focusHoursPerDay }
    : { kind: 'points', unestimatedPoints: c.unestimatedPoints };
}

export function calendarOf(settings: ProjectSettings): WorkCalendar {
  const c = settings.capacity;
  return { timeZone: c.timeZone, workingWeekdays: c.workingWeekdays, nonWorkingDates: c.nonWorkingDates };
}

export function rotationOf(settings: ProjectSettings): Rotation {
  return settings.rotation;
}
