/** Notes under the dashboard: deduplicated and bounded. */
import { boundedNotes, MAX_NOTES } from './notes';

describe('boundedNotes', () => {
  it('says each note once', () => {
    expect(boundedNotes(['a', 'b', 'a'])).toEqual(['a', 'b']);
  });

  it('keeps a screenful and counts the rest', () => {
    const notes = Array.from({ length: 30 }, (_, i) => `note ${i}`);
    const bounded = boundedNotes(notes);
    expect(bounded).toHaveLength(MAX_NOTES);
    expect(bounded[0]).toBe('note 0');
    expect(bounded[MAX_NOTES - 1]).toBe(`…and ${30 - MAX_NOTES + 1} more notes like these.`);
  });
});
