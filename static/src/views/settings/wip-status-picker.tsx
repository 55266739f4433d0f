/**
 * Which statuses count as "in progress" for the WIP limit (issue 12, item 3): a multi-select over
 * the board's columns and their statuses (`settings.wipStatuses`), so an admin picks names Jira
 * shows instead of typing ids. Unset (null) is the default rule — the In Progress statuses except
 * those waiting on someone — shown preselected and named in the hint; "Use the default" goes back
 * to it, so the default keeps following the board when its statuses change.
 */
import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import { useEffect, useState } from 'react';
import { resolver } from '../../api/resolver';
import type { WipStatusOptions } from '../../../../src/contract';
import { FieldRow } from './fields';

interface Option {
  readonly label: string;
  readonly value: string;
}

type Loaded = { readonly state: 'loading' } | { readonly state: 'ready'; readonly options: WipStatusOptions } | { readonly state: 'error'; readonly message: string };

const names = (ids: readonly string[], all: readonly Option[]): string => ids.map((id) => all.find((o) => o.value === id)?.label ?? id).join(', ');

export function WipStatusPicker(props: { value: readonly string[] | null; onChange: (ids: string[] | null) => void; readOnly: boolean; error?: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void resolver.settings.wipStatuses().then((answer) => {
      if (!live) return;
      setLoaded(answer.ok ? { state: 'ready', options: answer.data } : { state: 'error', message: answer.error.message });
    });
    return () => {
      live = false;
    };
  }, []);

  const groups = loaded.state === 'ready' ? loaded.options.columns.map((c) => ({ label: c.name, options: c.statuses.map((s) => ({ label: s.name, value: s.id })) })) : [];
  const all = groups.flatMap((g) => g.options);
  const defaults = loaded.state === 'ready' ? loaded.options.defaultIds : [];
  const chosen = props.value ?? defaults;
  const hint =
    loaded.state === 'error'
      ? `The board's statuses could not be loaded: ${loaded.message}`
      : props.value === null
        ? `Default: the In Progress statuses except those waiting on someone${loaded.state === 'ready' ? ` (${names(defaults, all)})` : ''}. Tickets in other statuses are not counted.`
        : 'Only tickets in these statuses count against the WIP limit.';
  return (
    <FieldRow label="Statuses that count as in progress" hint={hint} error={props.error}>
      {(c) => (
        <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', flexWrap: 'wrap' }} data-testid="wip-statuses">
          <div style={{ flex: '1 1 280px', maxWidth: 520 }}>
            <Select<Option, true>
              inputId={c.id}
              aria-describedby={c.describedBy}
              isMulti
              isInvalid={c.invalid}
              isDisabled={props.readOnly || loaded.state !== 'ready'}
              isLoading={loaded.state === 'loading'}
              options={groups}
              value={all.filter((o) => chosen.includes(o.value))}
              placeholder="Choose the statuses where someone works on the ticket"
              onChange={(options) => props.onChange(options.map((o) => o.value))}
            />
          </div>
          {props.value !== null && !props.readOnly ? (
            <Button appearance="subtle" onClick={() => props.onChange(null)}>
              Use the default
            </Button>
          ) : null}
        </div>
      )}
    </FieldRow>
  );
}
