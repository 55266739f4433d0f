/**
 * Labelled inputs for the settings form: every control has a visible label, an optional hint and
 * the validation message next to it (linked with aria-describedby, marked aria-invalid).
 */
import { ErrorMessage, HelperMessage, Label } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';
import Toggle from '@atlaskit/toggle';
import { token } from '@atlaskit/tokens';
import { useId, useState, type ReactNode } from 'react';
import { parseList } from './draft';

export interface ControlProps {
  readonly id: string;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
}

/** Text for screen readers only (e.g. which rule a repeated "Outcome" label belongs to). */
export function Hidden({ children }: { children: ReactNode }) {
  return <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' }}>{children}</span>;
}

export function FieldRow({ label, context, hint, error, children }: { label: string; context?: string; hint?: string; error?: string; children: (control: ControlProps) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050'), minWidth: 0 }}>
      <Label htmlFor={id}>
        {label}
        {context ? <Hidden> {context}</Hidden> : null}
      </Label>
      {children({ id, describedBy, invalid: error !== undefined })}
      {hint ? (
        <div id={hintId}>
          <HelperMessage>{hint}</HelperMessage>
        </div>
      ) : null}
      {error ? (
        <div id={errorId} data-field-error="">
          <ErrorMessage>{error}</ErrorMessage>
        </div>
      ) : null}
    </div>
  );
}

interface InputProps {
  readonly label: string;
  readonly context?: string;
  readonly hint?: string;
  readonly error?: string;
  readonly readOnly: boolean;
  readonly width?: number;
}

/** A number typed as text: what the admin typed stays on screen; anything unreadable is sent as "not a number" for the server to name. */
export function NumberField({ value, onChange, suffix, step, ...props }: InputProps & { value: number; onChange: (n: number) => void; suffix?: string; step?: number }) {
  const [text, setText] = useState(Number.isFinite(value) ? String(value) : '');
  return (
    <FieldRow label={props.label} context={props.context} hint={props.hint} error={props.error}>
      {(c) => (
        <Textfield
          id={c.id}
          aria-describedby={c.describedBy}
          isInvalid={c.invalid}
          isReadOnly={props.readOnly}
          width={props.width ?? 120}
          inputMode="decimal"
          step={step}
          value={text}
          elemAfterInput={suffix ? <span style={{ paddingInlineEnd: token('space.100'), color: token('color.text.subtlest') }}>{suffix}</span> : undefined}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setText(next);
            const n = next.trim() === '' ? Number.NaN : Number(next.replace(',', '.'));
            onChange(n);
          }}
        />
      )}
    </FieldRow>
  );
}

export function TextField({ value, onChange, ...props }: InputProps & { value: string; onChange: (s: string) => void }) {
  return (
    <FieldRow label={props.label} context={props.context} hint={props.hint} error={props.error}>
      {(c) => (
        <Textfield
          id={c.id}
          aria-describedby={c.describedBy}
          isInvalid={c.invalid}
          isReadOnly={props.readOnly}
          width={props.width}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      )}
    </FieldRow>
  );
}

/** A comma-separated list (issue types, labels, dates); the typed text is kept while editing. */
export function ListField({ value, onChange, ...props }: InputProps & { value: readonly string[]; onChange: (list: string[]) => void }) {
  const [text, setText] = useState(value.join(', '));
  return (
    <FieldRow label={props.label} context={props.context} hint={props.hint ?? 'Separate values with commas.'} error={props.error}>
      {(c) => (
        <Textfield
          id={c.id}
          aria-describedby={c.describedBy}
          isInvalid={c.invalid}
          isReadOnly={props.readOnly}
          width={props.width}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            onChange(parseList(e.currentTarget.value));
          }}
        />
      )}
    </FieldRow>
  );
}

export function ToggleField({ label, hint, checked, onChange, readOnly }: { label: string; hint?: string; checked: boolean; onChange: (b: boolean) => void; readOnly: boolean }) {
  const id = useId();
  return (
    <div style={{ display: 'flex', alignItems: 'flex-start', gap: token('space.100') }}>
      <Toggle id={id} isChecked={checked} isDisabled={readOnly} onChange={(e) => onChange(e.currentTarget.checked)} />
      <div>
        <label htmlFor={id} style={{ font: token('font.body'), color: token('color.text') }}>
          {label}
        </label>
        {hint ? <div style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>{hint}</div> : null}
      </div>
    </div>
  );
}

/** A titled group of fields. */
export function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} style={{ display: 'flex', flexDirection: 'column', gap: token('space.200'), paddingBlock: token('space.300'), borderBlockStart: `${token('border.width')} solid ${token('color.border')}` }}>
      <div>
        <h2 id={id} style={{ font: token('font.heading.medium'), color: token('color.text'), margin: 0 }}>
          {title}
        </h2>
        {description ? <p style={{ margin: 0, marginBlockStart: token('space.050'), color: token('color.text.subtle') }}>{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

/** Fields side by side, wrapping on narrow screens. */
export function Row({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.300'), alignItems: 'flex-start' }}>{children}</div>;
}
