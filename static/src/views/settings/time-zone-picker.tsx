/**
 * The team's time zone (issue 12, item 7), picked from the IANA zones the browser knows
 * (`Intl.supportedValuesOf('timeZone')`) with search as you type, instead of typed by hand. Each
 * option shows the zone's offset now ("Europe/Berlin (UTC+1)") so "which one is ours" is
 * recognisable. A stored zone the browser does not list stays selectable as it is.
 */
import Select from '@atlaskit/select';
import { useMemo } from 'react';
import { FieldRow } from './fields';

interface Option {
  readonly label: string;
  readonly value: string;
}

/** "UTC+1", "UTC−3:30", "UTC" for a zone at this moment. */
function offsetOf(zone: string, at: Date): string {
  try {
    const part = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
    return (part?.value ?? 'GMT').replace('GMT', 'UTC');
  } catch {
    return '';
  }
}

export function timeZones(): string[] {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes('UTC') ? zones : ['UTC', ...zones];
}

export function TimeZonePicker({ value, onChange, readOnly, error }: { value: string; onChange: (zone: string) => void; readOnly: boolean; error?: string }) {
  const options = useMemo<Option[]>(() => {
    const now = new Date();
    const zones = timeZones();
    const all = zones.includes(value) || value === '' ? zones : [value, ...zones];
    return all.map((zone) => ({ value: zone, label: `${zone.replace(/_/g, ' ')} (${offsetOf(zone, now)})` }));
  }, [value]);
  return (
    <FieldRow label="Time zone" hint="Where the team works: it decides which day a worklog falls on." {...(error ? { error } : {})}>
      {(c) => (
        <div style={{ width: 300 }}>
          <Select<Option>
            inputId={c.id}
            aria-describedby={c.describedBy}
            isInvalid={c.invalid}
            isDisabled={readOnly}
            options={options}
            value={options.find((o) => o.value === value) ?? null}
            placeholder="Type a city, e.g. Berlin"
            noOptionsMessage={({ inputValue }) => `No time zone matches "${inputValue}"`}
            onChange={(o) => {
              if (o) onChange(o.value);
            }}
          />
        </div>
      )}
    </FieldRow>
  );
}
