/**
 * The three outcomes in the product's words, defined once for every surface: the Custom UI (through
 * static/src/components/outcome.tsx, which adds their colours) and the texts the app writes for
 * people, such as the retrospective's Markdown (retrospective-text.ts) and the CLI.
 */
import type { Outcome } from '../domain/outcome';

export const OUTCOME_LABEL: Readonly<Record<Outcome, string>> = {
  interrupt: 'Interrupt now',
  backlog: 'Backlog',
  'needs-info': 'Needs info',
};
