/**
 * Choose which sprint the dashboard shows: the active one (default) or a closed one. Atlaskit's Select,
 * as Jira's own pickers are: it searches as you type (a board soon has dozens of sprints) and follows
 * Jira's theme; the visible "Sprint" label names its input for screen readers and tests alike.
 */
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import { useId } from 'react';
import type { DashboardView } from '../../../../src/contract';

interface SprintOption {
  readonly value: number;
  readonly label: string;
}

export function SprintPicker({ view, value, onChange, disabled }: { view: DashboardView; value: number | undefined; onChange: (id: number | undefined) => void; disabled: boolean }) {
  const id = useId();
  const shown = value ?? view.sprint?.id;
  if (view.sprints.length === 0) return null;
  const options: SprintOption[] = view.sprints.map((s) => ({ value: s.id, label: `${s.name}${s.state === 'active' ? ' (active)' : ''}` }));
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }} data-testid="sprint-picker">
      <label htmlFor={id} style={{ color: token('color.text.subtle') }}>
        Sprint
      </label>
      <div style={{ minWidth: 220 }}>
        <Select<SprintOption>
          inputId={id}
          options={options}
          value={options.find((o) => o.value === shown) ?? null}
          onChange={(option) => onChange(option?.value)}
          placeholder="No active sprint"
          isDisabled={disabled}
          isSearchable
          menuPosition="fixed"
          spacing="compact"
        />
      </div>
    </div>
  );
}
