/**
 * A list of decision steps, each with a status lozenge, its name and its message: used for what
 * applying *will* do and for what applying *did*, so both read the same way.
 */
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import type { CSSProperties } from 'react';
import type { DecisionStepName } from '../../../../src/contract/panel';
import { STEP_LABEL } from './format';
import { listStyle, rowStyle } from './panel-style';

export interface StepLine {
  readonly step: DecisionStepName;
  readonly look: ThemeAppearance;
  readonly status: string;
  readonly message: string;
}

export function StepList({ label, lines, style }: { label: string; lines: readonly StepLine[]; style?: CSSProperties }) {
  return (
    <ol aria-label={label} style={{ ...listStyle, listStyle: 'none', paddingInlineStart: 0, ...style }}>
      {lines.map((line) => (
        <li key={line.step} style={{ ...rowStyle, flexWrap: 'nowrap', alignItems: 'baseline' }}>
          <span style={{ flex: '0 0 4.25rem' }}>
            <Lozenge appearance={line.look}>{line.status}</Lozenge>
          </span>
          <span>
            <span style={{ fontWeight: 600 }}>{STEP_LABEL[line.step]}:</span> {line.message}
          </span>
        </li>
      ))}
    </ol>
  );
}
