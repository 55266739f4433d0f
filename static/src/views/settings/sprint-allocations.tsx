/**
 * Issue 14, item 4: the allocations adopted for single sprints from the dashboard's "Next sprint"
 * block, each with who adopted it and when. Such a sprint is measured with its own allocation
 * instead of the one above; removing it here (then saving) gives the sprint the project's again.
 */
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { EditableSettings } from '../../../../src/contract';
import { Person } from '../../components/person';
import { useSiteChoices } from './site-choices';

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export function SprintAllocations({ allocations, viewer, readOnly, onChange }: { allocations: EditableSettings['sprintAllocations']; viewer?: string; readOnly: boolean; onChange: (next: EditableSettings['sprintAllocations']) => void }) {
  const { sprints } = useSiteChoices();
  const entries = Object.entries(allocations);
  if (entries.length === 0) return null;
  const nameOf = (id: string): string => sprints.open.find((s) => String(s.id) === id)?.name ?? `Sprint ${id}`;
  const remove = (id: string): void => onChange(Object.fromEntries(entries.filter(([k]) => k !== id)));
  return (
    <div data-testid="sprint-allocations">
      <h3 style={{ font: token('font.heading.xsmall'), color: token('color.text'), margin: 0 }}>Adopted for single sprints</h3>
      <ul style={{ margin: 0, marginBlockStart: token('space.050'), paddingInlineStart: token('space.250') }}>
        {entries.map(([id, a]) => (
          <li key={id}>
            {nameOf(id)}: {a.pct}% (adopted by <Person accountId={a.adoptedBy} viewer={viewer} avatar={false} /> on {DAY.format(new Date(a.adoptedAt))}){' '}
            {readOnly ? null : (
              <Button appearance="subtle" spacing="compact" onClick={() => remove(id)}>
                Remove
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
