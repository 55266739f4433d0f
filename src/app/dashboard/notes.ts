/**
 * Notes shown under the dashboard: each said once, and at most a screenful — a site with hundreds
 * of odd field values must not bury the one note that matters (a damaged record that was replaced).
 */
export const MAX_NOTES = 12;

export function boundedNotes(notes: readonly string[]): string[] {
  const unique = [...new Set(notes)];
  if (unique.length <= MAX_NOTES) return unique;
  return [...unique.slice(0, MAX_NOTES - 1), `…and ${unique.length - MAX_NOTES + 1} more notes like these.`];
}
