/**
 * The support rotation roster: who is the sprint's support contact, in turn. People come from the
 * project's assignable users (`settings.searchUsers`); the order is the order of the rotation.
 */
import Button from '@atlaskit/button/new';
import { AsyncSelect } from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import { resolver } from '../../api/resolver';
import { moveItem, removeAt } from './draft';
import { FieldRow, Hidden } from './fields';

interface Option {
  readonly label: string;
  readonly value: string;
}

async function search(query: string): Promise<Option[]> {
  const answer = await resolver.settings.searchUsers(query);
  return answer.ok ? answer.data.users.map((u) => ({ label: u.displayName, value: u.accountId })) : [];
}

export function RosterEditor({ roster, onChange, readOnly, error }: { roster: readonly string[]; onChange: (r: readonly string[]) => void; readOnly: boolean; error?: string }) {
  const [names, setNames] = useState<Readonly<Record<string, string>>>({});
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    let live = true;
    void search('').then((options) => {
      if (live) setNames((known) => ({ ...Object.fromEntries(options.map((o) => [o.value, o.label])), ...known }));
    });
    return () => {
      live = false;
    };
  }, []);
  const nameOf = (id: string): string => names[id] ?? id;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
      {roster.length === 0 ? (
        <p style={{ margin: 0, color: token('color.text.subtle') }}>Nobody is on the rotation yet{readOnly ? '.' : ': add the people who take turns as the sprint’s support contact.'}</p>
      ) : (
        <ol aria-label="Rotation order" style={{ margin: 0, paddingInlineStart: token('space.300'), display: 'flex', flexDirection: 'column', gap: token('space.075') }}>
          {roster.map((id, index) => (
            <li key={id}>
              <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), flexWrap: 'wrap' }}>
                <span style={{ minWidth: 180, color: token('color.text') }}>{nameOf(id)}</span>
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
        <FieldRow label="Add a person to the rotation" hint="Search the people who can be assigned issues in this project." error={error}>
          {(c) => (
            <div style={{ maxWidth: 420 }}>
              <AsyncSelect<Option>
                inputId={c.id}
                aria-describedby={c.describedBy}
                isInvalid={c.invalid}
                cacheOptions
                defaultOptions
                loadOptions={async (q: string) => (await search(q)).filter((o) => !roster.includes(o.value))}
                value={null}
                placeholder="Type a name"
                noOptionsMessage={({ inputValue }) => (inputValue ? `Nobody matches "${inputValue}"` : 'Type a name')}
                onChange={(option) => {
                  if (!option || roster.includes(option.value)) return;
                  setNames((known) => ({ ...known, [option.value]: option.label }));
                  onChange([...roster, option.value]);
                  setAnnouncement(`${option.label} added to the rotation.`);
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
  );
}
