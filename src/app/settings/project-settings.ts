/**
 * A project's settings: what the admin chose on the settings page (the editable part's schema is
 * the contract's, src/contract/settings-schema.ts), validated at every boundary (the save payload,
 * the stored record). The interrupt policy itself is stored as immutable versions
 * (see storage/policy-versions.ts); settings point at the version in force.
 */
import { z } from 'zod';
import { editableSettingsSchema, type EditableSettings } from '../../contract/settings-schema';
import { DEFAULT_HOURS_MODEL, DEFAULT_UNESTIMATED_POINTS, type CapacityModel } from '../../domain/capacity';
import { DEFAULT_WORK_CALENDAR, type WorkCalendar } from '../../domain/calendar';
import { DEFAULT_FOLLOW_UP_KINDS } from '../../domain/follow-ups';
import { DEFAULT_PRIORITY_MAP } from '../../domain/priority';
import { DEFAULT_SEVERITY_MAP } from '../../domain/severity';
import { DEFAULT_SUPPORT_FILTER } from '../../domain/support-filter';
import { DEFAULT_WIP_LIMIT } from '../../domain/wip';
import { effectivePriorityMap, effectiveSeverityMap, type SiteOrder } from '../../domain/site-order';
import type { Classification } from '../../domain/triage-facts';
import type { Rotation } from '../../domain/rotation';

export const SETTINGS_SCHEMA_VERSION = 1;

/** The editable part is the contract's (src/contract/settings-schema.ts); re-exported for the app's own use. */
export { capacitySchema, editableSettingsSchema, type EditableSettings } from '../../contract/settings-schema';

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

/**
 * The share of capacity reserved for support: the allocation, or none when the team keeps no buffer
 * (`budgetMode: 'track'`, issue 14 item 5) — then the budget is 0 and nothing can be over it.
 */
export function reservedPctOf(settings: Pick<ProjectSettings, 'allocationPct' | 'budgetMode'>): number {
  return settings.budgetMode === 'track' ? 0 : settings.allocationPct;
}

/** What a project gets before anyone saves: DESIGN.md's defaults. */
export function defaultSettings(): ProjectSettings {
  return {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    revision: 0,
    policyVersion: 0,
    allocationPct: 20,
    budgetMode: 'reserve',
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
    wipStatusIds: null,
    needsInfo: { label: 'needs-info', addLabel: true },
    sprintAllocations: {},
    followUpKinds: [...DEFAULT_FOLLOW_UP_KINDS],
  };
}

/**
 * The settings as a verdict reads them: while the value maps are the built-in ones, the site's order
 * decides what each priority and severity means (domain/site-order.ts). An admin's own maps are kept
 * as they are, so applying it twice changes nothing. For computing only: never stored, never shown
 * in the settings form (which must tell the built-in maps from an admin's).
 */
export function withSiteOrder<S extends EditableSettings>(settings: S, order: SiteOrder): S {
  if (order.priorities.length === 0 && order.severities.length === 0) return settings;
  return { ...settings, priorityMap: effectivePriorityMap(settings.priorityMap, order.priorities), severityMap: effectiveSeverityMap(settings.severityMap, order.severities) };
}

/** The domain's view of the settings. */
export function classificationOf(settings: Pick<EditableSettings, 'priorityMap' | 'severityMap' | 'supportFilter' | 'slaAtRiskHours'>): Classification {
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

/** The allocation a sprint is measured with: the one adopted for it (issue 14, item 4), else the project's. */
export function allocationPctFor(settings: ProjectSettings, sprintId: number | undefined): number {
  return (sprintId === undefined ? undefined : settings.sprintAllocations[String(sprintId)]?.pct) ?? settings.allocationPct;
}

export function calendarOf(settings: ProjectSettings): WorkCalendar {
  const c = settings.capacity;
  return { timeZone: c.timeZone, workingWeekdays: c.workingWeekdays, nonWorkingDates: c.nonWorkingDates };
}

export function rotationOf(settings: ProjectSettings): Rotation {
  return settings.rotation;
}
