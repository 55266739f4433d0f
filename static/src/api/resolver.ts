/**
 * One typed wrapper per resolver key. The keys, payloads and result types come from the shared
 * contract (`src/contract/`), imported as types only, so nothing is copied and the bundle stays small.
 * A failure to reach the backend at all becomes an envelope too: views handle one shape.
 */
import { invoke } from '@forge/bridge';
import type {
  AdoptAllocationPayload,
  AdoptAllocationResult,
  ApplyDecisionPayload,
  CanAdoptResult,
  ApplyDecisionResult,
  DashboardGetPayload,
  DashboardView,
  Envelope,
  FieldSearchResult,
  CreateCorrectiveActionPayload,
  FollowUpsSaved,
  SetFollowUpsPayload,
  GadgetProjects,
  GadgetView,
  PanelBudgetView,
  PanelView,
  PolicyPreview,
  PreviewPolicyPayload,
  RecordOverflowPayload,
  RecordOverflowResult,
  RetrospectiveGetPayload,
  RetrospectiveView,
  SettingsChoices,
  SettingsSavePayload,
  SettingsView,
  UserSearchResult,
  WipStatusOptions,
} from '../../../src/contract';

async function call<T>(key: string, payload: object = {}): Promise<Envelope<T>> {
  try {
    const response = await invoke<Envelope<T>>(key, payload as Record<string, unknown>);
    // The bridge may wrap the body with metadata; our resolvers always answer with a bare envelope.
    return response !== null && typeof response === 'object' && 'body' in response && !('ok' in response) ? response.body : (response as Envelope<T>);
  } catch {
    return { ok: false, error: { code: 'UNAVAILABLE', message: 'Interrupt Budget could not reach its server. Check your connection and try again.' } };
  }
}

export const resolver = {
  panel: {
    get: () => call<PanelView>('panel.get'),
    /** The active sprint's budget and WIP for this ticket, brought up to date (after `get` said `budgetNeedsUpdate`). */
    budget: () => call<PanelBudgetView>('panel.budget'),
    applyDecision: (payload: ApplyDecisionPayload) => call<ApplyDecisionResult>('panel.applyDecision', payload),
    /** A resolved interrupt's follow-ups checklist, saved on top of the revision shown (issue 14). */
    setFollowUps: (payload: SetFollowUpsPayload) => call<FollowUpsSaved>('panel.setFollowUps', payload),
    /** Create the corrective action in the backlog, link it and record it. */
    createCorrectiveAction: (payload: CreateCorrectiveActionPayload) => call<FollowUpsSaved>('panel.createCorrectiveAction', payload),
  },
  dashboard: {
    get: (payload: DashboardGetPayload = {}) => call<DashboardView>('dashboard.get', payload),
    recordOverflow: (payload: RecordOverflowPayload) => call<RecordOverflowResult>('dashboard.recordOverflow', payload),
    /** Whether this viewer may adopt an allocation for the next sprint (asked only when there is one to adopt). */
    canAdopt: () => call<CanAdoptResult>('dashboard.canAdopt'),
    adoptAllocation: (payload: AdoptAllocationPayload) => call<AdoptAllocationResult>('dashboard.adoptAllocation', payload),
  },
  retrospective: {
    /** A closed sprint as the team looks back on it (issue 14). */
    get: (payload: RetrospectiveGetPayload) => call<RetrospectiveView>('retrospective.get', payload),
  },
  gadget: {
    /** The configured project's active sprint, as last stored (the project is the gadget's saved configuration). */
    get: () => call<GadgetView>('gadget.get'),
    /** Projects with a Scrum board the viewer may browse, for the gadget's edit mode. */
    projects: () => call<GadgetProjects>('gadget.projects'),
  },
  settings: {
    get: () => call<SettingsView>('settings.get'),
    save: (payload: SettingsSavePayload) => call<SettingsView>('settings.save', payload),
    previewPolicy: (payload: PreviewPolicyPayload) => call<PolicyPreview>('settings.previewPolicy', payload),
    searchFields: (query: string) => call<FieldSearchResult>('settings.searchFields', { query }),
    searchUsers: (query: string) => call<UserSearchResult>('settings.searchUsers', { query }),
    choices: (severityFieldId: string | null) => call<SettingsChoices>('settings.choices', { severityFieldId }),
    /** The statuses the WIP setting can choose, by board column (issue 12, item 3). */
    wipStatuses: () => call<WipStatusOptions>('settings.wipStatuses'),
  },
};
