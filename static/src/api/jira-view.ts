/**
 * Asking Jira to show what the app just changed. Jira's issue view does not re-read an issue changed
 * through the REST API by the person viewing it, so after applying a decision the panel asks the host
 * to fetch the page's data again with `view.refresh()` (@forge/bridge; "fetch the data for the parent
 * page again, without performing a full-page reload",
 * https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/view/#refresh).
 * Only some modules' hosts support it: the others answer false and the bridge throws
 * "this resource's view is not refreshable.".
 */
import { view } from '@forge/bridge';

/** True when Jira accepted the refresh; false when it refused or could not be asked. */
export async function refreshJiraView(): Promise<boolean> {
  try {
    await view.refresh();
    return true;
  } catch {
    return false;
  }
}
