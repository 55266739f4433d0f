/**
 * A multi-select of the project's own names (issue 12, item 7): issue types, components. Picking from
 * Jira's list means a typo can never make a filter or a rule match nothing. A value already stored that
 * the project no longer has stays selected, marked "(not in this project)", so nothing is dropped
 * silently. Without the project's list (Jira would not say) names are typed instead (creatable).
 */
import { CreatableSelect, default as Select } from '@atlaskit/select';
import { FieldRow } from './fields';

interface Option {
  readonly label: string;
  readonly value: string;
}

interface Props {
  readonly label: string;
  readonly context?: string;
  readonly hint?: string;
  readonly error?: string;
  /** The project's names; empty: unknown, so names are typed. */
  readonly names: readonly string[];
  readonly value: readonly string[];
  readonly readOnly: boolean;
  readonly width?: number;
  readonly onChange: (names: string[]) => void;
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

export function NamePicker({ label, context, hint, error, names, value, readOnly, width = 420, onChange }: Props) {
  const options: Option[] = names.map((n) => ({ label: n, value: n }));
  const selected: Option[] = value.map((v) => {
    const known = names.find((n) => same(n, v));
    return { value: v, label: known ?? (names.length > 0 ? `${v} (not in this project)` : v) };
  });
  return (
    <FieldRow label={label} {...(context ? { context } : {})} {...(hint ? { hint } : {})} {...(error ? { error } : {})}>
      {(c) => (
        <div style={{ maxWidth: width }}>
          {names.length > 0 ? (
            <Select<Option, true>
              inputId={c.id}
              aria-describedby={c.describedBy}
              isInvalid={c.invalid}
              isDisabled={readOnly}
              isMulti
              options={options}
              value={selected}
              placeholder="Choose…"
              noOptionsMessage={({ inputValue }) => (inputValue ? `Nothing in this project matches "${inputValue}"` : 'All are chosen')}
              onChange={(chosen) => onChange(chosen.map((o) => o.value))}
            />
          ) : (
            <CreatableSelect<Option, true>
              inputId={c.id}
              aria-describedby={c.describedBy}
              isInvalid={c.invalid}
              isDisabled={readOnly}
              isMulti
              options={[]}
              value={selected}
              placeholder="Type a name and press Enter"
              formatCreateLabel={(input: string) => `Add "${input}"`}
              onChange={(chosen) => onChange(chosen.map((o) => o.value))}
            />
          )}
        </div>
      )}
    </FieldRow>
  );
}
