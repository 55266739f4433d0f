/**
 * The capacity model and its inputs: hours (team size × focus hours × working days) or points
 * (committed story points, unestimated support tickets counted per severity).
 */
import { Checkbox } from '@atlaskit/checkbox';
import { RadioGroup } from '@atlaskit/radio';
import { token } from '@atlaskit/tokens';
import { useId } from 'react';
import type { EditableSettings } from '../../../../src/contract/settings';
import { errorAt, type FieldErrors } from './draft';
import { FieldPicker } from './field-picker';
import { DateListEditor } from './date-list-editor';
import { NumberField, Row } from './fields';
import { TimeZonePicker } from './time-zone-picker';

type Capacity = EditableSettings['capacity'];

const WEEKDAYS: readonly [number, string][] = [
  [1, 'Monday'],
  [2, 'Tuesday'],
  [3, 'Wednesday'],
  [4, 'Thursday'],
  [5, 'Friday'],
  [6, 'Saturday'],
  [0, 'Sunday'],
];
const SEVERITIES = ['S1', 'S2', 'S3', 'S4', 'unknown'] as const;

interface Props {
  readonly capacity: Capacity;
  readonly storyPointsFieldId: string | null;
  readonly onChange: (c: Capacity) => void;
  readonly onStoryPointsField: (id: string | null) => void;
  readonly readOnly: boolean;
  readonly errors: FieldErrors;
}

export function CapacityFields({ capacity, storyPointsFieldId, onChange, onStoryPointsField, readOnly, errors }: Props) {
  const modelLabel = useId();
  const daysLegend = useId();
  const e = (path: string): string | undefined => errorAt(errors, `settings.capacity.${path}`);
  const set = <K extends keyof Capacity>(key: K, value: Capacity[K]): void => onChange({ ...capacity, [key]: value });
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
      <div>
        <div id={modelLabel} style={{ font: token('font.body.small'), fontWeight: token('font.weight.semibold'), color: token('color.text.subtle'), marginBlockEnd: token('space.050') }}>
          Capacity model
        </div>
        <RadioGroup
          labelId={modelLabel}
          isDisabled={readOnly}
          value={capacity.model}
          options={[
            { name: 'capacity-model', value: 'hours', label: 'Hours — team size × focus hours per day × working days in the sprint' },
            { name: 'capacity-model', value: 'points', label: 'Story points — points committed at sprint start' },
          ]}
          onChange={(ev) => set('model', ev.currentTarget.value === 'points' ? 'points' : 'hours')}
        />
      </div>
      {capacity.model === 'hours' ? (
        <>
          <Row>
            <NumberField label="Team size" suffix="people" value={capacity.teamSize} readOnly={readOnly} error={e('teamSize')} onChange={(n) => set('teamSize', n)} />
            <NumberField label="Focus hours per day" suffix="h" value={capacity.focusHoursPerDay} readOnly={readOnly} error={e('focusHoursPerDay')} hint="Hours a person spends on sprint work on a working day." onChange={(n) => set('focusHoursPerDay', n)} />
            <TimeZonePicker value={capacity.timeZone} readOnly={readOnly} {...(e('timeZone') ? { error: e('timeZone') } : {})} onChange={(zone) => set('timeZone', zone)} />
          </Row>
          <fieldset aria-labelledby={daysLegend} style={{ border: 'none', margin: 0, padding: 0 }}>
            <div id={daysLegend} style={{ font: token('font.body.small'), fontWeight: token('font.weight.semibold'), color: token('color.text.subtle'), marginBlockEnd: token('space.050') }}>
              Working weekdays
            </div>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200') }}>
              {WEEKDAYS.map(([day, name]) => (
                <Checkbox
                  key={day}
                  label={name}
                  isDisabled={readOnly}
                  isChecked={capacity.workingWeekdays.includes(day)}
                  onChange={(ev) =>
                    set(
                      'workingWeekdays',
                      ev.currentTarget.checked ? [...capacity.workingWeekdays, day].sort((a, b) => a - b) : capacity.workingWeekdays.filter((d) => d !== day),
                    )
                  }
                />
              ))}
            </div>
            {e('workingWeekdays') ? <p role="alert" style={{ margin: 0, color: token('color.text.danger') }}>{e('workingWeekdays')}</p> : null}
          </fieldset>
          <DateListEditor dates={capacity.nonWorkingDates} readOnly={readOnly} {...(e('nonWorkingDates') ? { error: e('nonWorkingDates') } : {})} onChange={(dates) => set('nonWorkingDates', dates)} />
        </>
      ) : (
        <>
          <FieldPicker label="Story points field" hint="Leave empty to find it by name." value={storyPointsFieldId} readOnly={readOnly} error={errors['settings.storyPointsFieldId']} onChange={onStoryPointsField} />
          <div>
            <p style={{ margin: 0, marginBlockEnd: token('space.100'), color: token('color.text.subtle') }}>Points counted for an unestimated support ticket, by severity (flagged as estimated):</p>
            <Row>
              {SEVERITIES.map((s) => (
                <NumberField
                  key={s}
                  label={s === 'unknown' ? 'Unknown severity' : s}
                  context="unestimated points"
                  suffix="pts"
                  width={100}
                  value={capacity.unestimatedPoints[s]}
                  readOnly={readOnly}
                  error={e(`unestimatedPoints.${s}`)}
                  onChange={(n) => set('unestimatedPoints', { ...capacity.unestimatedPoints, [s]: n })}
                />
              ))}
            </Row>
          </div>
        </>
      )}
    </div>
  );
}
