/** Choose which sprint the dashboard shows: the active one (default) or a closed one. Native select: keyboard and screen readers for free. */
import { token } from '@atlaskit/tokens';
import { useId, type CSSProperties } from 'react';
import type { DashboardView } from '../../../../src/contract';

export function SprintPicker({ view, value, onChange, disabled }: { view: DashboardView; value: number | undefined; onChange: (id: number | undefined) => void; disabled: boolean }) {
  const id = useId();
  const shown = value ?? view.sprint?.id;
  if (view.sprints.length === 0) return null;
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100') }}>
      <label htmlFor={id} style={{ color: token('color.text.subtle') }}>
        Sprint
      </label>
      <select id={id} value={shown ?? ''} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value))} style={SELECT}>
        {shown === undefined ? <option value="">No active sprint</option> : null}
        {view.sprints.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
            {s.state === 'active' ? ' (active)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}

const SELECT: CSSProperties = {
  font: token('font.body'),
  color: token('color.text'),
  background: token('color.background.input'),
  border: `${token('border.width', '1px')} solid ${token('color.border.input')}`,
  borderRadius: token('radius.small'),
  padding: `${token('space.050')} ${token('space.100')}`,
  minHeight: 32,
};
