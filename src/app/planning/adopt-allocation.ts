/**
 * `dashboard.adoptAllocation` (issue 14, item 4): a project admin adopts an allocation for one future
 * sprint with one click on the dashboard. It is a settings change like any other — saved through
 * `saveSettings`, so it gets its revision, its "who saved" and its history entry, is refused for a
 * non-admin server-side (Jira's Administer Projects, asked as the user), and a save in between is
 * answered with the settings page's own CONFLICT sentence — and the entry keeps who adopted it and
 * when, so the dashboard and the settings page can say so.
 *
 * `dashboard.canAdopt`: whether the viewer may, asked by the dashboard only when there is something
 * to adopt, so a dashboard view itself never spends a permission check on it.
 *
 * A project in budget mode "track" reserves nothing (issue 14, item 5): `canAdopt` says false with
 * the reason, and `adoptAllocation` refuses with the same sentence (VALIDATION), storing nothing.
 */
import type { AdoptAllocationPayload, AdoptAllocationResult, CanAdoptResult } from '../../contract/planning';
import type { Ports } from '../../ports';
import { AppError } from '../app-error';
import { isProjectAdmin, requireProjectVisible, type Caller } from '../settings/admin-check';
import { editableSettingsSchema } from '../settings/project-settings';
import { saveSettings } from '../settings/save-settings';
import { loadProjectContext } from '../sprint/project-context';
import { loadPolicyVersion } from '../storage/policy-versions';
import { loadSettings } from '../storage/settings-repository';
import { TRACK_NO_ADOPTION } from './next-sprint-track';

/** NOT_FOUND for someone who may not see the project (as every dashboard key answers them); else whether they administer it. */
export async function canAdopt(ports: Ports, caller: Caller): Promise<CanAdoptResult> {
  const { isAdmin } = await requireProjectVisible(ports, caller);
  const { settings } = await loadSettings(ports.store, caller.projectKey);
  if (settings.budgetMode === 'track') return { canAdopt: false, reason: TRACK_NO_ADOPTION(caller.projectKey) };
  return { canAdopt: isAdmin };
}

export async function adoptAllocation(ports: Ports, caller: Caller, payload: Required<AdoptAllocationPayload>): Promise<AdoptAllocationResult> {
  const { projectKey, accountId } = caller;
  if (!(await isProjectAdmin(ports, caller))) {
    throw new AppError(
      'FORBIDDEN',
      `Only administrators of project ${projectKey} can adopt an allocation for a sprint. Ask a project admin to adopt it, or a Jira admin for the Administer Projects permission.`,
    );
  }
  const context = await loadProjectContext(ports, projectKey);
  const sprint = context.sprints.find((s) => s.id === payload.sprintId);
  if (!sprint || sprint.state !== 'future') {
    const what = sprint ? `${sprint.name} has already started` : `Sprint ${payload.sprintId} is not a sprint of ${context.board.name}`;
    throw new AppError('VALIDATION', `${what}: an allocation can be adopted only for a future sprint of the board. Reload the dashboard to see the next sprint.`);
  }
  // The stored settings as they are (not the context's, whose value maps follow the site's order for computing only).
  const loaded = await loadSettings(ports.store, projectKey);
  if (loaded.settings.budgetMode === 'track') throw new AppError('VALIDATION', TRACK_NO_ADOPTION(projectKey));
  const { policyVersion, problem } = await loadPolicyVersion(ports.store, projectKey, loaded.settings.policyVersion);
  if (problem) throw new AppError('CONFLICT', `${problem} Save the settings page once before adopting an allocation, so the policy is not replaced by the default.`);
  const editable = editableSettingsSchema.parse(loaded.settings);
  const adopted = { pct: payload.pct, adoptedBy: accountId, adoptedAt: new Date(ports.clock.now()).toISOString() };
  await saveSettings(ports, caller, {
    settings: { ...editable, sprintAllocations: { ...editable.sprintAllocations, [String(sprint.id)]: adopted } },
    policy: policyVersion.policy,
    baseRevision: loaded.settings.revision,
  });
  return { sprintId: sprint.id, adopted };
}
