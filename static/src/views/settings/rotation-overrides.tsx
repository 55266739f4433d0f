/**
 * Per-sprint support contact overrides (issue 12, item 7; the README's "not done yet" list): for the
 * active and each future sprint, whose turn it is by the rotation and, if the team swapped turns,
 * who stands in instead. An override changes that one sprint only (domain/rotation.ts): nobody else's
 * turn moves. People are picked from the project's assignable users, shown by name through
 * `<Person>`, never by account id. Overrides of closed sprints are kept as stored, not shown.
 */
import Button from '@atlaskit/button/new';
import { AsyncSelect } from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import { resolver } from '../../api/resolver';
import type { SprintChoice } from '../../../../src/contract';
import { supportContact } from '../../../../src/contract/domain';
import { Person } from '../../components/person';
import { FieldRow } from './fields';
import { useSiteChoices } from './site-choices';

interface Option {
  readonly label: string;
  readonly value: string;
}

type Rotation = { readonly roster: readonly string[]; readonly overrides: Readonly<Record<string, string>> };

async function search(query: string): Promise<Option[]> {
  const answer = await resolver.settings.searchUsers(query);
  return answer.ok ? answer.data.users.map((u) => ({ label: u.displayName, value: u.accountId })) : [];
}

const DAY_MONTH = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const DAY_MONTH_YEAR = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** "25 Nov – 9 Dec 2026, active": the sprint's dates as people read them. */
function dates(sprint: SprintChoice): string {
  if (!sprint.startDate || !sprint.endDate) return sprint.state === 'active' ? 'active' : 'not started';
  return `${DAY_MONTH.format(new Date(sprint.startDate))} – ${DAY_MONTH_YEAR.format(new Date(sprint.endDate))}${sprint.state === 'active' ? ', active' : ''}`;
}

export function RotationOverrides({ rotation, viewer, readOnly, onChange }: { rotation: Rotation; viewer?: string; readOnly: boolean; onChange: (overrides: Record<string, string>) => void }) {
  const { sprints } = useSiteChoices();
  if (sprints.open.length === 0) return null;
  const set = (sprintId: number, accountId: string | undefined): void => {
    const next: Record<string, string> = { ...rotation.overrides };
    if (accountId === undefined) delete next[String(sprintId)];
    else next[String(sprintId)] = accountId;
    onChange(next);
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
      <div>
        <h3 style={{ font: token('font.heading.small'), color: token('color.text'), margin: 0 }}>Swaps for coming sprints</h3>
        <p style={{ margin: 0, marginBlockStart: token('space.050'), color: token('color.text.subtle') }}>
          When someone cannot take their turn, name who stands in for that sprint; everyone else keeps their turn.
        </p>
      </div>
      <ul aria-label="Support contact by sprint" style={{ margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
        {sprints.open.map((sprint) => {
          const override = rotation.overrides[String(sprint.id)];
          const inTurn = supportContact({ roster: rotation.roster, overrides: {} }, sprints.turnOrder, sprint.id);
          return (
            <li key={sprint.id} style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200'), alignItems: 'flex-end' }}>
              <div style={{ width: 380, maxWidth: '100%' }}>
                <div style={{ font: token('font.body'), fontWeight: token('font.weight.semibold'), color: token('color.text') }}>{sprint.name}</div>
                <div style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>
                  {dates(sprint)} · in turn: {inTurn ? <Person accountId={inTurn.accountId} {...(viewer ? { viewer } : {})} /> : 'nobody (the rotation is empty)'}
                </div>
              </div>
              {override ? (
                <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', color: token('color.text') }}>
                  <span>
                    Stands in: <strong><Person accountId={override} {...(viewer ? { viewer } : {})} /></strong>
                  </span>
                  {readOnly ? null : (
                    <Button spacing="compact" appearance="subtle" onClick={() => set(sprint.id, undefined)}>
                      Back to the rotation
                    </Button>
                  )}
                </div>
              ) : readOnly ? (
                <span style={{ color: token('color.text.subtle') }}>No swap.</span>
              ) : (
                <FieldRow label="Stands in instead" context={`for ${sprint.name}`}>
                  {(c) => (
                    <div style={{ width: 280 }}>
                      <AsyncSelect<Option>
                        inputId={c.id}
                        cacheOptions
                        defaultOptions
                        loadOptions={search}
                        value={null}
                        placeholder="No swap: type a name"
                        noOptionsMessage={({ inputValue }) => (inputValue ? `Nobody matches "${inputValue}"` : 'Type a name')}
                        onChange={(option) => {
                          if (option) set(sprint.id, option.value);
                        }}
                      />
                    </div>
                  )}
                </FieldRow>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
