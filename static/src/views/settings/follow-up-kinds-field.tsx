/**
 * Which follow-ups the team records after an interrupt (issue 14, item 2): root cause analysed,
 * regression test added, corrective action. The panel asks for these on a resolved interrupt and
 * the retrospective counts only these; none chosen asks for nothing.
 */
import { Checkbox } from '@atlaskit/checkbox';
import { token } from '@atlaskit/tokens';
import { useId } from 'react';
import { FOLLOW_UP_KINDS, FOLLOW_UP_LABELS, type FollowUpKind } from '../../../../src/contract';

/** What each follow-up means, in the settings' words. */
const MEANING: Record<FollowUpKind, string> = {
  'root-cause': 'why it happened, with a link to the analysis',
  'regression-test': 'a test that shows the defect, with a link to it',
  'corrective-action': 'the change that stops it happening again, as an issue (created in the backlog with one click)',
};

export function FollowUpKindsField({ value, readOnly, error, onChange }: { value: readonly FollowUpKind[]; readOnly: boolean; error?: string | undefined; onChange: (kinds: FollowUpKind[]) => void }) {
  const legend = useId();
  const toggle = (kind: FollowUpKind, on: boolean) => onChange(FOLLOW_UP_KINDS.filter((k) => (k === kind ? on : value.includes(k))));
  return (
    <fieldset aria-labelledby={legend} style={{ border: 'none', margin: 0, padding: 0 }} data-testid="follow-up-kinds">
      <div id={legend} style={{ font: token('font.body.small'), fontWeight: token('font.weight.semibold'), color: token('color.text.subtle'), marginBlockEnd: token('space.050') }}>
        Follow-ups after an interrupt
      </div>
      {FOLLOW_UP_KINDS.map((kind) => (
        <Checkbox key={kind} label={`${FOLLOW_UP_LABELS[kind]}: ${MEANING[kind]}`} name={`follow-up-${kind}`} isDisabled={readOnly} isChecked={value.includes(kind)} onChange={(ev) => toggle(kind, ev.currentTarget.checked)} />
      ))}
      <p style={{ margin: 0, marginBlockStart: token('space.050'), font: token('font.body.small'), color: token('color.text.subtle') }}>
        {value.length === 0
          ? 'None chosen: the issue panel asks for no follow-ups, and the retrospective shows none.'
          : 'Asked for in the issue panel once an interrupt is resolved; the retrospective shows how many were done.'}
      </p>
      {error ? (
        <p role="alert" style={{ margin: 0, color: token('color.text.danger') }}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
