/**
 * The interrupt policy editor: an ordered list of rules (the first whose conditions all hold
 * decides), each with a name, conditions and an outcome; add, remove, move up and down; and the
 * default outcome for tickets no rule matches.
 */
import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { OUTCOMES, type Outcome, type Policy, type Rule } from '../../../../src/contract/domain';
import { ConditionEditor } from './condition-editor';
import { errorAt, moveItem, newCondition, newRule, OUTCOME_LABELS, removeAt, replaceAt, type FieldErrors } from './draft';
import { FieldRow, Hidden, TextField } from './fields';

interface Option {
  readonly label: string;
  readonly value: Outcome;
}
const OUTCOME_OPTIONS: readonly Option[] = OUTCOMES.map((o) => ({ label: OUTCOME_LABELS[o], value: o }));

function OutcomePicker({ label, context, value, onChange, readOnly, error }: { label: string; context?: string; value: Outcome; onChange: (o: Outcome) => void; readOnly: boolean; error?: string }) {
  return (
    <FieldRow label={label} context={context} error={error}>
      {(c) => (
        <div style={{ width: 260 }}>
          <Select<Option>
            inputId={c.id}
            aria-describedby={c.describedBy}
            isInvalid={c.invalid}
            isDisabled={readOnly}
            options={OUTCOME_OPTIONS}
            value={OUTCOME_OPTIONS.find((o) => o.value === value) ?? null}
            onChange={(o) => o && onChange(o.value)}
          />
        </div>
      )}
    </FieldRow>
  );
}

interface RuleProps {
  readonly rule: Rule;
  readonly index: number;
  readonly count: number;
  readonly readOnly: boolean;
  readonly errors: FieldErrors;
  readonly onChange: (rule: Rule) => void;
  readonly onMove: (delta: -1 | 1) => void;
  readonly onRemove: () => void;
}

function RuleCard({ rule, index, count, readOnly, errors, onChange, onMove, onRemove }: RuleProps) {
  const path = `policy.rules.${index}`;
  const title = rule.name.trim() || `Rule ${index + 1}`;
  const ruleLevelError = errors[`${path}.id`] ?? errors[path];
  return (
    <li
      aria-label={`Rule ${index + 1}: ${title}`}
      style={{ listStyle: 'none', border: `${token('border.width')} solid ${token('color.border')}`, borderRadius: token('radius.large'), padding: token('space.200'), background: token('elevation.surface.raised'), boxShadow: token('elevation.shadow.raised'), display: 'flex', flexDirection: 'column', gap: token('space.150') }}
    >
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: token('space.200'), flexWrap: 'wrap' }}>
        <span aria-hidden style={{ font: token('font.heading.small'), color: token('color.text.subtle'), paddingBlockStart: token('space.300'), minWidth: 24 }}>
          {index + 1}.
        </span>
        <TextField label="Rule name" context={`(rule ${index + 1})`} value={rule.name} readOnly={readOnly} width={240} error={errors[`${path}.name`]} onChange={(name) => onChange({ ...rule, name })} />
        <OutcomePicker label="Outcome" context={`of rule ${title}`} value={rule.outcome} readOnly={readOnly} error={errors[`${path}.outcome`]} onChange={(outcome) => onChange({ ...rule, outcome })} />
        {readOnly ? null : (
          <div style={{ display: 'flex', gap: token('space.050'), marginInlineStart: 'auto', paddingBlockStart: token('space.300') }}>
            <Button isDisabled={index === 0} aria-label={`Move rule ${title} up`} onClick={() => onMove(-1)}>
              Move up
            </Button>
            <Button isDisabled={index === count - 1} aria-label={`Move rule ${title} down`} onClick={() => onMove(1)}>
              Move down
            </Button>
            <Button appearance="subtle" aria-label={`Remove rule ${title}`} onClick={onRemove}>
              Remove
            </Button>
          </div>
        )}
      </div>
      {ruleLevelError ? <p role="alert" style={{ margin: 0, color: token('color.text.danger') }}>{ruleLevelError}</p> : null}
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100'), paddingInlineStart: token('space.500') }}>
        {rule.conditions.length === 0 ? (
          <p style={{ margin: 0, color: token('color.text.subtle') }}>No conditions: this rule applies to every ticket that reaches it.</p>
        ) : (
          <p style={{ margin: 0, color: token('color.text.subtle') }}>{rule.conditions.length === 1 ? 'When this holds:' : 'When all of these hold:'}</p>
        )}
        {rule.conditions.map((condition, ci) => (
          <ConditionEditor
            // Conditions have no ids; position and kind identify the row well enough for a form.
            key={`${ci}-${condition.kind}`}
            condition={condition}
            context={`condition ${ci + 1} of rule ${title}`}
            readOnly={readOnly}
            error={errorAt(errors, `${path}.conditions.${ci}`)}
            onChange={(c) => onChange({ ...rule, conditions: replaceAt(rule.conditions, ci, c) })}
            onRemove={() => onChange({ ...rule, conditions: removeAt(rule.conditions, ci) })}
          />
        ))}
        {readOnly || rule.conditions.length >= 10 ? null : (
          <div>
            <Button spacing="compact" aria-label={`Add a condition to rule ${title}`} onClick={() => onChange({ ...rule, conditions: [...rule.conditions, newCondition('priority-in')] })}>
              Add condition
            </Button>
          </div>
        )}
      </div>
    </li>
  );
}

export function PolicyEditor({ policy, onChange, readOnly, errors }: { policy: Policy; onChange: (p: Policy) => void; readOnly: boolean; errors: FieldErrors }) {
  const [announcement, setAnnouncement] = useState('');
  const setRules = (rules: readonly Rule[]): void => onChange({ ...policy, rules });
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
      {policy.rules.length === 0 ? (
        <p style={{ margin: 0, color: token('color.text.subtle') }}>No rules: every ticket gets the default outcome.</p>
      ) : (
        <ol aria-label="Policy rules, first match decides" style={{ margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
          {policy.rules.map((rule, index) => (
            <RuleCard
              key={rule.id}
              rule={rule}
              index={index}
              count={policy.rules.length}
              readOnly={readOnly}
              errors={errors}
              onChange={(r) => setRules(replaceAt(policy.rules, index, r))}
              onMove={(delta) => {
                setRules(moveItem(policy.rules, index, delta));
                setAnnouncement(`Rule ${rule.name} is now number ${index + 1 + delta}.`);
              }}
              onRemove={() => {
                setRules(removeAt(policy.rules, index));
                setAnnouncement(`Rule ${rule.name} removed.`);
              }}
            />
          ))}
        </ol>
      )}
      {readOnly || policy.rules.length >= 50 ? null : (
        <div>
          <Button
            onClick={() => {
              const rule = newRule(policy);
              setRules([...policy.rules, rule]);
              setAnnouncement(`${rule.name} added at the end.`);
            }}
          >
            Add rule
          </Button>
        </div>
      )}
      <OutcomePicker label="Default outcome (when no rule matches)" value={policy.defaultOutcome} readOnly={readOnly} error={errors['policy.defaultOutcome']} onChange={(defaultOutcome) => onChange({ ...policy, defaultOutcome })} />
      <div role="status" aria-live="polite">
        <Hidden>{announcement}</Hidden>
      </div>
    </div>
  );
}
