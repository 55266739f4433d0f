/**
 * The app's own record of the policy's suggested verdict on an issue (issue 11, item 6). The issue
 * trigger writes the suggestion to the `interruptBudget` property for JQL and here, in app storage,
 * which only the app can write: the panel shows this record, so a suggestion put on the issue by
 * hand is not shown as the policy's. Suggestions from before this record was kept are shown from the
 * property, as decisions are. Key `suggestion:<issueKey>`; only the latest is kept (a suggestion is
 * replaced by the next one and by the product owner's decision, which the decision audit keeps).
 */
import { z } from 'zod';
import type { SuggestedVerdict } from '../../domain/decision';
import { suggestionSchema } from '../../jira/decision-property';
import type { KeyValueStore } from '../../ports';
import { keys } from './keys';
import { readRecord, writeRecord } from './stored-record';

const schema = z.object({ schemaVersion: z.literal(1), issueKey: z.string().min(1), suggestion: suggestionSchema, recordedAt: z.number() });

/** The same suggestion, whenever it was evaluated. */
export const sameSuggestion = (a: SuggestedVerdict | undefined, b: SuggestedVerdict): boolean =>
  a !== undefined && a.outcome === b.outcome && a.ruleId === b.ruleId && a.policyVersion === b.policyVersion;

export const suggestionRecord = {
  /** The recorded suggestion; a damaged record counts as none (and is said). */
  async read(store: KeyValueStore, issueKey: string): Promise<{ suggestion?: SuggestedVerdict; problem?: string }> {
    const { value, problem } = await readRecord(store, keys.suggestion(issueKey), schema);
    return value ? { suggestion: value.suggestion } : problem ? { problem: `Interrupt Budget's own record of the suggestion on ${issueKey} is damaged; it was ignored.` } : {};
  },
  async write(store: KeyValueStore, issueKey: string, suggestion: SuggestedVerdict, recordedAt: number): Promise<void> {
    await writeRecord(store, keys.suggestion(issueKey), schema, { schemaVersion: 1, issueKey, suggestion, recordedAt });
  },
};
