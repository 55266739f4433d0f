/**
 * The user picker of the settings page (rotation roster, and any per-sprint stand-in editor): an
 * Atlaskit async select over the project's assignable users (`settings.searchUsers`), searched as
 * you type, each option with its avatar and name. It hands back the person picked, with what the
 * page needs to show them before the next load (name, avatar): never an account id as text.
 */
import Avatar from '@atlaskit/avatar';
import { AsyncSelect } from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import type { PersonView } from '../../../src/contract';
import { resolver } from '../api/resolver';

export interface PickedPerson {
  readonly accountId: string;
  readonly person: PersonView;
}

interface Option {
  readonly label: string;
  readonly value: string;
  readonly avatarUrl?: string;
}

async function search(query: string): Promise<Option[]> {
  const answer = await resolver.settings.searchUsers(query);
  return answer.ok ? answer.data.users.map((u) => ({ label: u.displayName, value: u.accountId, ...(u.avatarUrl ? { avatarUrl: u.avatarUrl } : {}) })) : [];
}

/** A picker option as Jira's user pickers show one: avatar (decorative), then name. */
function OptionLabel({ option }: { option: Option }) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.100') }}>
      <span aria-hidden="true" style={{ display: 'inline-flex' }}>
        <Avatar size="small" src={option.avatarUrl} borderColor="transparent" />
      </span>
      <span>{option.label}</span>
    </span>
  );
}

export interface UserPickerProps {
  readonly inputId: string;
  readonly describedBy?: string;
  readonly invalid?: boolean;
  /** People not to offer (already chosen). */
  readonly exclude?: readonly string[];
  readonly placeholder?: string;
  readonly onPick: (picked: PickedPerson) => void;
}

export function UserPicker({ inputId, describedBy, invalid, exclude = [], placeholder = 'Type a name', onPick }: UserPickerProps) {
  return (
    <AsyncSelect<Option>
      inputId={inputId}
      aria-describedby={describedBy}
      isInvalid={invalid}
      cacheOptions
      defaultOptions
      loadOptions={async (q: string) => (await search(q)).filter((o) => !exclude.includes(o.value))}
      formatOptionLabel={(option) => <OptionLabel option={option} />}
      value={null}
      placeholder={placeholder}
      noOptionsMessage={({ inputValue }) => (inputValue ? `Nobody matches "${inputValue}"` : 'Type a name')}
      onChange={(option) => {
        if (!option || exclude.includes(option.value)) return;
        onPick({ accountId: option.value, person: { displayName: option.label, ...(option.avatarUrl ? { avatarUrl: option.avatarUrl } : {}) } });
      }}
    />
  );
}
