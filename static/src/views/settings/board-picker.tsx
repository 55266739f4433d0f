/**
 * The board whose sprints carry the budget (issue 15, item 3). A picker only when the project has more
 * than one Scrum board (Atlaskit Select, as the other pickers); with one board, a line naming it, so the
 * admin knows which board the numbers come from. No choice is "the first board", which is what the
 * app followed before boards could be chosen.
 */
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import { FieldRow } from './fields';
import { useSiteChoices } from './site-choices';

interface Option {
  readonly label: string;
  readonly value: number;
}

export function BoardPicker({ value, onChange, readOnly, error }: { value: number | null | undefined; onChange: (boardId: number | null) => void; readOnly: boolean; error?: string }) {
  const { boards } = useSiteChoices();
  const [first] = boards;
  if (!first) return null;
  if (boards.length === 1 && (value ?? first.id) === first.id) {
    return (
      <p data-testid="board-line" style={{ margin: 0, color: token('color.text.subtle') }}>
        The budget follows the project's Scrum board, {first.name}.
      </p>
    );
  }
  const options: Option[] = boards.map((b, i) => ({ value: b.id, label: i === 0 ? `${b.name} (the first board)` : b.name }));
  const chosen = options.find((o) => o.value === value);
  const gone = value !== null && value !== undefined && !chosen;
  return (
    <FieldRow
      label="Board"
      hint={gone ? `Board ${value} is no longer a Scrum board of this project: the budget follows ${first.name} until you choose one.` : 'The Scrum board whose sprints carry the support budget.'}
      {...(error ? { error } : {})}
    >
      {(c) => (
        <div style={{ width: 300 }} data-testid="board-picker">
          <Select<Option>
            inputId={c.id}
            aria-describedby={c.describedBy}
            isInvalid={c.invalid}
            isDisabled={readOnly}
            options={options}
            value={chosen ?? options[0] ?? null}
            onChange={(o) => {
              if (o) onChange(o.value === first.id && (value ?? null) === null ? null : o.value);
            }}
          />
        </div>
      )}
    </FieldRow>
  );
}
