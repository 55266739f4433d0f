/** The viewer filter's pure part: notes about issues the viewer may not see lose the key, keep the point. */
import { viewerNotes, type ViewerFilter } from './viewer-filter';

const filter: ViewerFilter = { sees: (issue) => issue.id === '1', checked: true };
const listed = [
  { key: 'SUP-1', id: '1' },
  { key: 'SUP-2', id: '2' },
];

describe('viewerNotes', () => {
  it.each([
    ['a visible listed issue keeps its key', 'SUP-1: Severity has several values; the first (Sev 1) was used.', 'SUP-1: Severity has several values; the first (Sev 1) was used.'],
    ['a listed issue the viewer may not see loses it', 'SUP-2: SLA field Time to resolution has an unexpected shape and was ignored.', 'An issue not shown to you: SLA field Time to resolution has an unexpected shape and was ignored.'],
    ['an issue the view does not list fails closed', 'SUP-9: The issue type is missing.', 'An issue not shown to you: The issue type is missing.'],
    ['a note about no issue is kept', 'Some configured defect types do not exist in Jira; check the defect types in the settings.', 'Some configured defect types do not exist in Jira; check the defect types in the settings.'],
  ])('%s', (_what, note, shown) => {
    expect(viewerNotes([note], filter, listed)).toEqual([shown]);
  });
});
