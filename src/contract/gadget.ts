/**
 * The dashboard gadget's contract (`gadget.*`): one project's current sprint at a glance, and — for
 * the gadget's edit mode — the projects the viewer may choose from. The project comes from the
 * gadget's saved configuration in the call context (`extension.gadgetConfiguration.projectKey`),
 * never from a payload; access is proven by acting as the user, as on every other surface.
 */
import { z } from 'zod';
import type { DashboardStatus, DashboardUnit, StaleBecause } from './dashboard';
import type { PeopleDirectory } from './people';

export const GADGET_KEYS = { get: 'gadget.get', projects: 'gadget.projects' } as const;

/** `gadget.get` takes nothing: the project is the gadget's configured one. */
export const gadgetGetPayloadSchema = z.object({});
/** `gadget.projects` takes nothing: the list is whatever the viewer may browse. */
export const gadgetProjectsPayloadSchema = z.object({});

/**
 * What the gadget's edit mode saves with `view.submit` (`{ projectKey }`), and Jira hands back as
 * `extension.gadgetConfiguration`: validated where the resolver reads it (resolvers/call-context.ts).
 */
export interface GadgetConfiguration {
  readonly projectKey: string;
}

/** The active sprint as the last stored rollup measured it (the gadget never recomputes it). */
export interface GadgetSprint {
  readonly id: number;
  readonly name: string;
  readonly endDate: string;
  readonly unit: DashboardUnit;
  /** `track`: no support buffer is reserved (issue 14, item 5): shown as a share of `capacity`, no status. */
  readonly budgetMode: 'reserve' | 'track';
  readonly capacity: number;
  readonly sharePctOfCapacity: number;
  readonly budget: number;
  /** Used of the budget, all support work counted (sanctioned, planned, untriaged). */
  readonly used: number;
  readonly usedPctOfBudget: number;
  readonly remaining: number;
  readonly forecast: number;
  readonly status: DashboardStatus;
  /** Support tickets that entered mid-sprint without a triage decision: a count, never named here. */
  readonly untriagedCount: number;
  /**
   * True when the stored rollup could not list every support item (a very large sprint: see
   * app/sprint/rollup-size.ts), so the count may leave some out and is a lower bound.
   */
  readonly untriagedCountIsLowerBound: boolean;
  /** accountId of the sprint's support contact, or null when no rotation is set. */
  readonly supportContact: string | null;
  /** When the numbers were computed (ISO-8601); they are the project page's, kept up to date hourly. */
  readonly computedAt: string;
  /** Set when Jira's hourly quota kept the hourly rollup from updating them (as on the project page). */
  readonly staleBecause?: StaleBecause;
}

export interface GadgetView {
  readonly projectKey: string;
  readonly board: { readonly id: number; readonly name: string };
  /** The active sprint's numbers; null when there is none, or none stored yet (`message` says which). */
  readonly sprint: GadgetSprint | null;
  readonly message?: string;
  /** Issue 12, item 1: the support contact's name and avatar (empty when there is none). */
  readonly people: PeopleDirectory;
}

/** A project the viewer may browse that has a Scrum board (what the app measures), for the edit mode. */
export interface GadgetProject {
  readonly key: string;
  readonly name: string;
}

export interface GadgetProjects {
  readonly projects: readonly GadgetProject[];
}
