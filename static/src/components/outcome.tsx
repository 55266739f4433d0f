/**
 * The three outcomes in the product's words (src/contract/outcome-words.ts) and colours, defined once for every surface: the panel's
 * verdict and buttons, the dashboard's "what we said no to", the settings' policy editor and preview.
 */
import Lozenge, { type ThemeAppearance } from '@atlaskit/lozenge';
import type { Outcome } from '../../../src/contract/domain';

import { OUTCOME_LABEL } from '../../../src/contract/outcome-words';

export { OUTCOME_LABEL };

/** What each outcome means, in one short line. */
export const OUTCOME_MEANING: Readonly<Record<Outcome, string>> = {
  interrupt: 'Pull it into the active sprint now.',
  backlog: 'Leave it for the next sprint planning.',
  'needs-info': 'Record that it needs more information before anyone decides.',
};

export const OUTCOME_LOOK: Readonly<Record<Outcome, ThemeAppearance>> = { interrupt: 'moved', backlog: 'default', 'needs-info': 'new' };

export function OutcomeLozenge({ outcome, bold = true }: { outcome: Outcome; bold?: boolean }) {
  return (
    <Lozenge appearance={OUTCOME_LOOK[outcome]} isBold={bold}>
      {OUTCOME_LABEL[outcome]}
    </Lozenge>
  );
}
