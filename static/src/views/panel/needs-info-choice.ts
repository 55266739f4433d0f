/**
 * The panel's needs-info choice (issue 12, item 4) and its checks, apart from the form that edits it
 * (needs-info-options.tsx, loaded only when needs-info is chosen), so the decision form can start
 * from it and check it without loading that form.
 */
import { MAX_REQUEST_LENGTH } from '../../../../src/contract/domain';
import type { PanelView } from '../../../../src/contract/panel';

export interface NeedsInfoChoice {
  readonly comment: boolean;
  readonly request: string;
  readonly label: boolean;
}

/** The form's starting point: the project's defaults and the app's draft. */
export const initialNeedsInfo = (view: PanelView): NeedsInfoChoice => ({
  comment: view.defaults.comment && view.permissions.canComment,
  request: view.infoRequest.draft,
  label: view.infoRequest.addLabelByDefault,
});

/** Why Apply cannot go ahead with this choice, or null. */
export function needsInfoProblem(choice: NeedsInfoChoice): string | null {
  if (!choice.comment) return null;
  const text = choice.request.trim();
  if (text === '') return 'Write what to ask the reporter, or leave the comment off.';
  if (text.length > MAX_REQUEST_LENGTH) return `Shorten the request to at most ${MAX_REQUEST_LENGTH} characters.`;
  return null;
}
