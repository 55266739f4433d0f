/**
 * `avi:jira:created:issue` / `avi:jira:updated:issue`: will evaluate the interrupt policy for the
 * issue and record the *suggested* verdict on it (the manifest sets `ignoreSelf`, so the app's own
 * writes do not loop back here).
 *
 * Not built yet (backend issue): the handler accepts the event and does nothing.
 */
export async function onIssueEvent(_event: unknown, _context: unknown): Promise<void> {
  // Intentionally empty until the backend use cases exist.
}
