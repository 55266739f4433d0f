/**
 * The support rotation roster: who is the sprint's support contact, in turn. People are chosen with the
 * user picker (components/user-picker.tsx: the project's assignable users, searched as you type, with
 * avatars) and shown by avatar and name (the settings view's people directory, plus whoever was just
 * picked): never by account id. The order is the order of the rotation.
 */
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { PersonView } from '../../../../src/contract';
import { PeopleProvider, Person, personName, usePeople } from '../../components/person';
import { UserPicker } from '../../components/user-picker';
import { moveItem, removeAt } from './draft';
import { FieldRow, Hidden } from './fields';

export function RosterEditor({ roster, onChange, readOnly, error }: { roster: readonly string[]; onChange: (r: readonly string[]) => void; readOnly: boolean; error?: string }) {
  const known = usePeople();
  // People picked on this page, who are not in the directory the page loaded with.
  const [picked, setPicked] = useState<Readonly<Record<string, PersonView>>>({});
  const [announcement, setAnnouncement] = useState('');
  const people = { ...picked, ...known };
  const nameOf = (id: string): string => personName(people[id], false);
  return (
    <PeopleProvider people={people}>
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
        {roster.length === 0 ? (
          <p style={{ margin: 0, color: token('color.text.subtle') }}>Nobody is on the rotation yet{readOnly ? '.' : ': add the people who take turns as the sprint’s support contact.'}</p>
        ) : (
          <ol aria-label="Rotation order" data-testid="rotation-roster" style={{ margin: 0, paddingInlineStart: token('space.300'), display: 'flex', flexDirection: 'column', gap: token('space.075') }}>
            {roster.map((id, index) => (
              <li key={id}>
                <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), flexWrap: 'wrap' }}>
                  <span style={{ minWidth: 180, color: token('color.text') }}>
                    <Person accountId={id} />
                  </span>
                  {readOnly ? null : (
                    <>
                      <Button spacing="compact" isDisabled={index === 0} aria-label={`Move ${nameOf(id)} up`} onClick={() => {
                        onChange(moveItem(roster, index, -1));
                        setAnnouncement(`${nameOf(id)} moved to position ${index}.`);
                      }}>
                        Up
                      </Button>
                      <Button spacing="compact" isDisabled={index === roster.length - 1} aria-label={`Move ${nameOf(id)} down`} onClick={() => {
                        onChange(moveItem(roster, index, 1));
                        setAnnouncement(`${nameOf(id)} moved to position ${index + 2}.`);
                      }}>
                        Down
                      </Button>
                      <Button spacing="compact" appearance="subtle" aria-label={`Remove ${nameOf(id)} from the rotation`} onClick={() => {
                        onChange(removeAt(roster, index));
                        setAnnouncement(`${nameOf(id)} removed from the rotation.`);
                      }}>
                        Remove
                      </Button>
                    </>
                  )}
                </div>
              </li>
            ))}
          </ol>
        )}
        {readOnly ? null : (
          <FieldRow label="Add a person to the rotation" hint="Type a name: the people who can be assigned issues in this project." error={error}>
            {(c) => (
              <div style={{ maxWidth: 420 }}>
                <UserPicker
                  inputId={c.id}
                  {...(c.describedBy ? { describedBy: c.describedBy } : {})}
                  invalid={c.invalid}
                  exclude={roster}
                  onPick={({ accountId, person }) => {
                    setPicked((before) => ({ ...before, [accountId]: person }));
                    onChange([...roster, accountId]);
                    setAnnouncement(`${person.displayName} added to the rotation.`);
                  }}
                />
              </div>
            )}
          </FieldRow>
        )}
        <div role="status" aria-live="polite">
          <Hidden>{announcement}</Hidden>
        </div>
      </div>
    </PeopleProvider>
  );
}
