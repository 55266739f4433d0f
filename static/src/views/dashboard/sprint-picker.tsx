/**
 * Choose which sprint the dashboard shows: the active one (default), a closed one or a future one.
 * Atlaskit's Select, as Jira's own pickers are: searchable (boards keep dozens of sprints), keyboard
 * and screen-reader friendly, and themed by the same tokens. The active sprint is marked in its label.
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
  const options: SprintOption[] = view.sprints.map((s) => ({ value: s.id, label: s.state === 'active' ? `${s.name} (active)` : s.name }));
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
      <label htmlFor={id} style={{ color: token('color.text.subtle') }}>
        Sprint
      </label>
      <div style={{ minWidth: 220 }} data-testid="sprint-picker">
        <Select<SprintOption>
          inputId={id}
          options={options}
          value={options.find((o) => o.value === shown) ?? null}
          placeholder="No active sprint"
          isDisabled={disabled}
          isSearchable
          spacing="compact"
          onChange={(chosen) => onChange(chosen ? chosen.value : undefined)}
        />
      </div>
    </div>
  );
}
