/**
 * Picks a Jira custom field (the Severity field, the story points field) from field discovery
 * (`settings.searchFields`). Clearing it means "discover it by name".
 */
import { AsyncSelect } from '@atlaskit/select';
import { useEffect, useState } from 'react';
import { resolver } from '../../api/resolver';
import type { FieldOption } from '../../../../src/contract';
import { FieldRow } from './fields';

interface Option {
  readonly label: string;
  readonly value: string;
}

const optionOf = (f: FieldOption): Option => ({ label: `${f.name} (${f.type}, ${f.id})`, value: f.id });

async function search(query: string): Promise<Option[]> {
  const answer = await resolver.settings.searchFields(query);
  return answer.ok ? answer.data.fields.map(optionOf) : [];
}

export function FieldPicker(props: { label: string; hint: string; value: string | null; onChange: (id: string | null) => void; readOnly: boolean; error?: string }) {
  const { value } = props;
  const [selected, setSelected] = useState<Option | null>(value ? { label: value, value } : null);
  // Show the field's name, not only its id, once discovery answers.
  useEffect(() => {
    if (!value) return;
    let live = true;
    void search(value.replace('customfield_', '')).then((options) => {
      const found = options.find((o) => o.value === value);
      if (live && found) setSelected(found);
    });
    return () => {
      live = false;
    };
  }, [value]);
  return (
    <FieldRow label={props.label} hint={props.hint} error={props.error}>
      {(c) => (
        <div style={{ maxWidth: 420 }}>
          <AsyncSelect<Option>
            inputId={c.id}
            aria-describedby={c.describedBy}
            isInvalid={c.invalid}
            isDisabled={props.readOnly}
            isClearable
            cacheOptions
            defaultOptions
            loadOptions={search}
            value={selected}
            placeholder="Found by name (choose to fix it)"
            noOptionsMessage={({ inputValue }) => (inputValue ? `No custom field matches "${inputValue}"` : 'No custom fields found')}
            onChange={(option) => {
              setSelected(option ?? null);
              props.onChange(option?.value ?? null);
            }}
          />
        </div>
      )}
    </FieldRow>
  );
}
