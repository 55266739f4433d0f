/** One condition of a policy rule: its kind and its values. */
import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import { PRIORITY_LEVELS, SEVERITY_LEVELS, SLA_STATES, type Condition, type ConditionKind, type PriorityLevel, type Severity, type SlaState } from '../../../../src/contract/domain';
import { CONDITION_KIND_LIST, CONDITION_LABELS, newCondition } from './draft';
import { FieldRow, ListField } from './fields';
import { NamePicker } from './name-picker';
import { useSiteChoices } from './site-choices';

interface Option<V extends string = string> {
  readonly label: string;
  readonly value: V;
}

const KIND_OPTIONS: readonly Option<ConditionKind>[] = CONDITION_KIND_LIST.map((k) => ({ label: CONDITION_LABELS[k], value: k }));
const PRIORITY_OPTIONS: readonly Option[] = [...PRIORITY_LEVELS, 'unknown'].map((v) => ({ label: v === 'unknown' ? 'Unknown (not set)' : v, value: v }));
const SEVERITY_OPTIONS: readonly Option[] = [...SEVERITY_LEVELS, 'unknown'].map((v) => ({ label: v === 'unknown' ? 'Unknown (not set)' : v, value: v }));
const SLA_OPTIONS: readonly Option[] = SLA_STATES.map((v) => ({ label: v === 'none' ? 'No SLA' : v === 'at-risk' ? 'At risk' : v[0]?.toUpperCase() + v.slice(1), value: v }));
const SUPPORT_OPTIONS: readonly Option[] = [
  { label: 'Yes', value: 'yes' },
  { label: 'No', value: 'no' },
];

interface Props {
  readonly condition: Condition;
  /** "condition 1 of rule SLA", for screen readers. */
  readonly context: string;
  readonly readOnly: boolean;
  readonly error?: string;
  readonly onChange: (c: Condition) => void;
  readonly onRemove: () => void;
}

function LevelPicker({ options, values, onChange, ...props }: { options: readonly Option[]; values: readonly string[]; onChange: (v: string[]) => void; context: string; readOnly: boolean; error?: string }) {
  return (
    <FieldRow label="Values" context={props.context} error={props.error}>
      {(c) => (
        <Select<Option, true>
          inputId={c.id}
          aria-describedby={c.describedBy}
          isInvalid={c.invalid}
          isDisabled={props.readOnly}
          isMulti
          options={options}
          value={options.filter((o) => values.includes(o.value))}
          onChange={(selected) => onChange(selected.map((o) => o.value))}
        />
      )}
    </FieldRow>
  );
}

function Values({ condition, onChange, ...props }: Props) {
  const choices = useSiteChoices();
  const common = { context: props.context, readOnly: props.readOnly, ...(props.error ? { error: props.error } : {}) };
  switch (condition.kind) {
    case 'priority-in':
      return <LevelPicker {...common} options={PRIORITY_OPTIONS} values={condition.levels} onChange={(v) => onChange({ kind: 'priority-in', levels: v as PriorityLevel[] })} />;
    case 'severity-in':
      return <LevelPicker {...common} options={SEVERITY_OPTIONS} values={condition.levels} onChange={(v) => onChange({ kind: 'severity-in', levels: v as Severity[] })} />;
    case 'sla-in':
      return <LevelPicker {...common} options={SLA_OPTIONS} values={condition.states} onChange={(v) => onChange({ kind: 'sla-in', states: v as SlaState[] })} />;
    case 'issue-type-in':
      return <NamePicker {...common} label="Issue types" names={choices.issueTypes} value={condition.types} onChange={(types) => onChange({ kind: 'issue-type-in', types })} />;
    case 'labels-any':
      return <ListField {...common} label="Labels" hint="e.g. vip, customer-escalation" value={condition.labels} onChange={(labels) => onChange({ kind: 'labels-any', labels })} />;
    case 'components-any':
      return <NamePicker {...common} label="Components" names={choices.components} value={condition.components} onChange={(components) => onChange({ kind: 'components-any', components })} />;
    case 'is-support':
      return (
        <FieldRow label="Value" context={props.context}>
          {(c) => (
            <Select<Option>
              inputId={c.id}
              isDisabled={props.readOnly}
              options={SUPPORT_OPTIONS}
              value={SUPPORT_OPTIONS[condition.value ? 0 : 1]}
              onChange={(o) => onChange({ kind: 'is-support', value: o?.value !== 'no' })}
            />
          )}
        </FieldRow>
      );
  }
}

export function ConditionEditor(props: Props) {
  const { condition, readOnly } = props;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'minmax(180px, 220px) minmax(200px, 1fr) auto', gap: token('space.150'), alignItems: 'start' }}>
      <FieldRow label="Condition" context={props.context}>
        {(c) => (
          <Select<Option<ConditionKind>>
            inputId={c.id}
            isDisabled={readOnly}
            options={KIND_OPTIONS}
            value={KIND_OPTIONS.find((o) => o.value === condition.kind) ?? null}
            onChange={(o) => {
              if (o && o.value !== condition.kind) props.onChange(newCondition(o.value));
            }}
          />
        )}
      </FieldRow>
      {/* Keyed by kind so a list field starts fresh when the kind changes. */}
      <Values key={condition.kind} {...props} />
      {readOnly ? (
        <span />
      ) : (
        <div style={{ paddingBlockStart: token('space.300') }}>
          <Button appearance="subtle" aria-label={`Remove ${props.context}`} onClick={props.onRemove}>
            Remove
          </Button>
        </div>
      )}
    </div>
  );
}
