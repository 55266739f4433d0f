/**
 * `avi:jira-software:started:sprint`: will snapshot the sprint baseline (issues committed at the
 * start, capacity) that the allocation maths needs to tell planned support from interrupts.
 *
 * Not built yet (backend issue): the handler accepts the event and does nothing.
 */
export async function onSprintStarted(_event: unknown, _context: unknown): Promise<void> {
  // Intentionally empty until the backend use cases exist.
}
