/**
 * Non-working dates (issue 12, item 7): holidays and offsites added with the browser's date picker
 * and listed as dates people read ("Thu 24 Dec 2026"), each removable, instead of typed as
 * year-month-day text. `@atlaskit/datetime-picker` is not among the app's dependencies, so this is
 * Atlaskit's text field as `type="date"` (the browser's own calendar, keyboard-accessible), themed
 * with the design tokens like every other field.
 */
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { FieldRow, Hidden } from './fields';

const DAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * "2026-12-24" → "Thu 24 Dec 2026" (the browser's Intl, not date-fns: no formatting library in the
 * page's bundle for one format); anything that is not a date stays as it is. A calendar date has no
 * time zone, so it is read and written in UTC.
 */
export function humanDate(date: string): string {
  const parsed = new Date(`${date}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(parsed.getTime()) ? DAY.format(parsed).replace(',', '') : date;
}

export function DateListEditor({ dates, onChange, readOnly, error }: { dates: readonly string[]; onChange: (dates: string[]) => void; readOnly: boolean; error?: string }) {
  const [pending, setPending] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const add = (): void => {
    if (pending === '' || dates.includes(pending)) return;
    onChange([...dates, pending].sort());
    setAnnouncement(`${humanDate(pending)} added.`);
    setPending('');
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      {readOnly ? null : (
        <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'flex-end', flexWrap: 'wrap' }}>
          <FieldRow label="Add a non-working date" hint="Holidays and offsites: no capacity is counted on them." {...(error ? { error } : {})}>
            {(c) => (
              <Textfield
                id={c.id}
                aria-describedby={c.describedBy}
                isInvalid={c.invalid}
                type="date"
                width={200}
                value={pending}
                onChange={(e) => setPending(e.currentTarget.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    add();
                  }
                }}
              />
            )}
          </FieldRow>
          <div style={{ paddingBlockEnd: token('space.300') }}>
            <Button isDisabled={pending === '' || dates.includes(pending)} onClick={add}>
              Add date
            </Button>
          </div>
        </div>
      )}
      {dates.length === 0 ? (
        <p style={{ margin: 0, color: token('color.text.subtle') }}>No non-working dates besides the weekend days above.</p>
      ) : (
        <ul aria-label="Non-working dates" style={{ margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: token('space.100') }}>
          {dates.map((date) => (
            <li
              key={date}
              style={{ display: 'flex', alignItems: 'center', gap: token('space.050'), paddingInlineStart: token('space.100'), border: `${token('border.width')} solid ${token('color.border')}`, borderRadius: token('radius.small'), color: token('color.text') }}
            >
              <time dateTime={date}>{humanDate(date)}</time>
              {readOnly ? null : (
                <Button
                  spacing="compact"
                  appearance="subtle"
                  aria-label={`Remove ${humanDate(date)}`}
                  onClick={() => {
                    onChange(dates.filter((d) => d !== date));
                    setAnnouncement(`${humanDate(date)} removed.`);
                  }}
                >
                  ×
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div role="status" aria-live="polite">
        <Hidden>{announcement}</Hidden>
      </div>
    </div>
  );
}
