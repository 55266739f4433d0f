/**
 * A value map editor (issue 12, item 7): the site's own names — the project's priorities in its
 * scheme's order, the Severity field's options — each with the level it means (P1–P5, S1–S4) picked
 * from a list, so an admin maps what Jira has instead of typing names that might never match.
 *
 * Each row shows the level the name resolves to by the app's own rules (`resolve`, the classifier
 * the panel uses, over the map in force), so what is shown is what counts. While nobody has mapped
 * the values, the map in force follows the site's order (issue 16, item 2; `following` says so), and
 * the first change makes that map the admin's own, with the change in it. Names the map holds that the site does not have
 * (the built-in map knows many spellings) are listed on one line and can be dropped at once. Without
 * the site's list (Jira would not say), the map is edited as one comma-separated list per level.
 */
import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import { canonicalToken } from '../../../../src/contract/domain';
import { FieldRow, ListField } from './fields';

interface Option {
  readonly label: string;
  readonly value: string;
}

const NOT_MAPPED = '';

interface Props<L extends string> {
  /** "Priority" or "Severity": the rows' screen-reader context and the sentences' subject. */
  readonly noun: string;
  readonly levels: readonly L[];
  /** A level's words in the picker, e.g. "P1 — the most urgent". */
  readonly levelLabel: (level: L) => string;
  /** The site's names, in the site's order; empty when Jira did not list them. */
  readonly siteValues: readonly { readonly name: string; readonly iconUrl?: string }[];
  readonly map: Readonly<Record<L, readonly string[]>>;
  /** The level a name resolves to under a map (or 'unknown'). */
  readonly resolve: (name: string, map: Readonly<Record<L, readonly string[]>>) => L | 'unknown';
  readonly readOnly: boolean;
  readonly error?: string;
  /** Set while the levels follow the site's order: the sentence that says how. */
  readonly following?: string | undefined;
  readonly onChange: (map: Record<L, string[]>) => void;
}

/** The map with `name` (any spelling of it) taken out of every level, then put under `level` (none: left out). */
export function mapNameTo<L extends string>(map: Readonly<Record<L, readonly string[]>>, levels: readonly L[], name: string, level: L | undefined): Record<L, string[]> {
  const token = canonicalToken(name);
  const next = Object.fromEntries(levels.map((l) => [l, map[l].filter((alias) => canonicalToken(alias) !== token)])) as Record<L, string[]>;
  if (level !== undefined) next[level] = [...next[level], name];
  return next;
}

export function ValueMapEditor<L extends string>({ noun, levels, levelLabel, siteValues, map, resolve, readOnly, error, following, onChange }: Props<L>) {
  const options: readonly Option[] = [{ label: 'Not mapped (unknown)', value: NOT_MAPPED }, ...levels.map((l) => ({ label: levelLabel(l), value: l }))];
  const clone = (): Record<L, string[]> => Object.fromEntries(levels.map((l) => [l, [...map[l]]])) as Record<L, string[]>;

  if (siteValues.length === 0) {
    return (
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200') }}>
        {levels.map((level) => (
          <ListField
            key={level}
            label={level}
            context={`${noun} names`}
            width={180}
            value={map[level]}
            readOnly={readOnly}
            {...(error ? { error } : {})}
            onChange={(names) => onChange({ ...clone(), [level]: names })}
          />
        ))}
      </div>
    );
  }

  const siteTokens = new Set(siteValues.map((v) => canonicalToken(v.name)));
  const elsewhere = levels.flatMap((l) => map[l].filter((alias) => !siteTokens.has(canonicalToken(alias))));
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      {following ? <p style={{ margin: 0, color: token('color.text.subtle') }}>{following} Choose a level below to map them yourself.</p> : null}
      <div role="group" aria-label={`${noun} value map`} style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200') }}>
        {siteValues.map((value) => {
          const level = resolve(value.name, map);
          return (
            <FieldRow key={value.name} label={value.name} context={`${noun.toLowerCase()} level`}>
              {(c) => (
                <div style={{ width: 190 }}>
                  <Select<Option>
                    inputId={c.id}
                    aria-describedby={c.describedBy}
                    isDisabled={readOnly}
                    options={options}
                    value={options.find((o) => o.value === (level === 'unknown' ? NOT_MAPPED : level)) ?? null}
                    onChange={(o) => onChange(mapNameTo(map, levels, value.name, o && o.value !== NOT_MAPPED ? (o.value as L) : undefined))}
                  />
                </div>
              )}
            </FieldRow>
          );
        })}
      </div>
      {elsewhere.length > 0 ? (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100'), alignItems: 'center', color: token('color.text.subtle') }}>
          <span>
            Also recognised, though this site has no {noun.toLowerCase()} by these names: {elsewhere.join(', ')}.
          </span>
          {readOnly ? null : (
            <Button spacing="compact" appearance="subtle" onClick={() => onChange(Object.fromEntries(levels.map((l) => [l, map[l].filter((alias) => siteTokens.has(canonicalToken(alias)))])) as Record<L, string[]>)}>
              Keep only this site&apos;s names
            </Button>
          )}
        </div>
      ) : null}
      {error ? <p role="alert" style={{ margin: 0, color: token('color.text.danger') }}>{error}</p> : null}
    </div>
  );
}
