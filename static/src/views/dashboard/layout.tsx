/** The dashboard's building blocks: a titled section and a data table, styled with tokens only. */
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { useId, type CSSProperties, type ReactNode } from 'react';

export function Section({ title, actions, children, testId }: { title: string; actions?: ReactNode; children: ReactNode; testId?: string }) {
  const id = useId();
  return (
    <section aria-labelledby={id} data-testid={testId} style={SECTION}>
      <div style={SECTION_HEAD}>
        <Heading size="small" as="h2" id={id}>
          {title}
        </Heading>
        {actions ? <div style={ACTIONS}>{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

export interface Column<Row> {
  readonly title: string;
  readonly cell: (row: Row) => ReactNode;
  readonly numeric?: boolean;
  /** Keep the cell on one line (the table scrolls sideways instead). */
  readonly nowrap?: boolean;
}

/** A plain, accessible table: a caption names it, header cells have scope. */
export function DataTable<Row>({ caption, columns, rows, rowKey, testId }: { caption: string; columns: readonly Column<Row>[]; rows: readonly Row[]; rowKey: (row: Row) => string; testId?: string }) {
  return (
    <div style={SCROLL} tabIndex={0} role="region" aria-label={caption}>
      <table style={TABLE} data-testid={testId}>
        <caption style={CAPTION}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.title} scope="col" style={{ ...TH, textAlign: c.numeric ? 'right' : 'left' }}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.title} style={{ ...TD, textAlign: c.numeric ? 'right' : 'left', fontVariantNumeric: c.numeric ? 'tabular-nums' : undefined, whiteSpace: c.nowrap ? 'nowrap' : undefined }}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return <p style={{ color: token('color.text.subtle'), margin: 0 }}>{children}</p>;
}

const SECTION: CSSProperties = {
  background: token('elevation.surface.raised'),
  boxShadow: token('elevation.shadow.raised'),
  borderRadius: token('radius.large'),
  padding: token('space.200'),
  display: 'flex',
  flexDirection: 'column',
  gap: token('space.150'),
  minWidth: 0,
};
const SECTION_HEAD: CSSProperties = { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: token('space.100'), flexWrap: 'wrap' };
const ACTIONS: CSSProperties = { display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' };
const SCROLL: CSSProperties = { overflowX: 'auto', maxWidth: '100%' };
const TABLE: CSSProperties = { width: '100%', borderCollapse: 'collapse', marginTop: 0 };
const CAPTION: CSSProperties = { textAlign: 'left', marginTop: 0, marginBottom: 0, color: token('color.text.subtle'), font: token('font.body.small'), paddingBottom: token('space.050') };
const TH: CSSProperties = { padding: `${token('space.050')} ${token('space.100')}`, borderBottom: `2px solid ${token('color.border')}`, color: token('color.text.subtle'), font: token('font.heading.xxsmall'), verticalAlign: 'bottom' };
const TD: CSSProperties = { padding: `${token('space.050')} ${token('space.100')}`, borderBottom: `1px solid ${token('color.border')}`, color: token('color.text'), verticalAlign: 'top' };
