/**
 * Who may apply a decision, from Jira's own answer for the user on this issue. Applying edits the
 * issue (labels, the decision property) and schedules it (sprint moves), so it needs Edit Issues and
 * Schedule Issues; commenting and assigning are optional steps, each skipped without its permission
 * (Assign Issues is not asked up front: Jira answers it when assigning, triage-context.ts).
 * The sentence says what to ask for, because "forbidden" alone helps nobody.
 */
import type { PanelPermissions } from '../../contract/panel';
import type { PanelPermission } from './triage-context';

export function applyPermissions(granted: Readonly<Record<PanelPermission, boolean>>, projectKey: string, canAdministerProject = false): PanelPermissions {
  const missing = [
    ...(granted.EDIT_ISSUES ? [] : ['Edit Issues']),
    ...(granted.SCHEDULE_ISSUES ? [] : ['Schedule Issues']),
  ];
  const reason =
    missing.length === 0
      ? null
      : `You can see this ticket, but applying a decision needs the ${missing.join(' and ')} permission${missing.length > 1 ? 's' : ''} in ${projectKey}. Ask a project admin for ${missing.length > 1 ? 'them' : 'it'}, or ask your product owner to apply the decision.`;
  return { canApply: reason === null, reason, canComment: granted.ADD_COMMENTS, canAssign: null, canAdministerProject };
}
