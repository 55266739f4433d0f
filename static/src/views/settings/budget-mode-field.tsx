/**
 * Whether the team reserves a support buffer (issue 14, item 5): "Reserve a buffer" (the allocation
 * is a budget, with burn, status and the overflow protocol) or "No buffer — show the cost" (nothing
 * reserved; every number still measured and support shown as a share of capacity and its effect on
 * delivery).
 */
import { RadioGroup } from '@atlaskit/radio';
import { token } from '@atlaskit/tokens';
import { useId } from 'react';
import type { EditableSettings } from '../../../../src/contract/settings';

export function BudgetModeField({ value, readOnly, onChange }: { value: EditableSettings['budgetMode']; readOnly: boolean; onChange: (mode: EditableSettings['budgetMode']) => void }) {
  const label = useId();
  return (
    <div data-testid="budget-mode">
      <div id={label} style={{ font: token('font.body.small'), fontWeight: token('font.weight.semibold'), color: token('color.text.subtle'), marginBlockEnd: token('space.050') }}>
        Support buffer
      </div>
      <RadioGroup
        labelId={label}
        isDisabled={readOnly}
        value={value}
        options={[
          { name: 'budget-mode', value: 'reserve', label: 'Reserve a buffer — the allocation is the sprint’s support budget, with burn, status and the overflow protocol' },
          { name: 'budget-mode', value: 'track', label: 'No buffer, show the cost — nothing is reserved; support is tracked as a share of capacity and its effect on delivery' },
        ]}
        onChange={(ev) => onChange(ev.currentTarget.value === 'track' ? 'track' : 'reserve')}
      />
    </div>
  );
}
