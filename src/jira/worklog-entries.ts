/**
 * Worklog entries from Jira JSON (an issue's embedded `worklog` page or `GET /issue/{key}/worklog`),
 * read one entry at a time so one odd entry never costs the issue its other worklogs.
 *
 * An entry keeps its time whenever it says when it started and how long it took: a missing or
 * unusual `author` (a deleted user, an anonymous import, `null`) only makes the author unknown —
 * the time was spent all the same and belongs in the budget. An entry without a valid start or
 * duration cannot be placed in a sprint, so it is skipped and counted.
 */
import { z } from 'zod';
import { parseISO, isValid } from 'date-fns';
import type { Worklog } from '../domain/ticket';

const entrySchema = z.object({ id: z.string().min(1).optional().catch(undefined), updated: z.string().optional().catch(undefined), started: z.string(), timeSpentSeconds: z.number().finite().nonnegative() }).loose();
const authorSchema = z.object({ accountId: z.string().min(1) }).loose();

export interface WorklogEntries {
  readonly worklogs: readonly Worklog[];
  /** Entries kept whose author could not be read (counted as time by an unknown person). */
  readonly unknownAuthors: number;
  /** Entries skipped: no valid start time or duration. */
  readonly skipped: number;
}

export function readWorklogEntries(entries: readonly unknown[]): WorklogEntries {
  const worklogs: Worklog[] = [];
  let unknownAuthors = 0;
  let skipped = 0;
  for (const raw of entries) {
    const entry = entrySchema.safeParse(raw);
    const started = entry.success ? parseISO(entry.data.started) : undefined;
    if (!entry.success || !started || !isValid(started)) {
      skipped += 1;
      continue;
    }
    const author = authorSchema.safeParse(entry.data['author']);
    // The worklog's id and last update let a worklog event be matched to it, and a stale one ignored.
    const updated = entry.data.updated ? parseISO(entry.data.updated) : undefined;
    const identity = { ...(entry.data.id ? { id: entry.data.id } : {}), ...(updated && isValid(updated) ? { updatedMs: updated.getTime() } : {}) };
    if (!author.success) unknownAuthors += 1;
    worklogs.push({ ...identity, startedMs: started.getTime(), seconds: entry.data.timeSpentSeconds, ...(author.success ? { authorAccountId: author.data.accountId } : {}) });
  }
  return { worklogs, unknownAuthors, skipped };
}

/** What a mapping note says about the entries it could not read fully (nothing when all were fine). */
export function worklogNotes({ unknownAuthors, skipped }: WorklogEntries): string[] {
  const notes: string[] = [];
  if (unknownAuthors > 0) {
    notes.push(`${unknownAuthors === 1 ? '1 worklog has' : `${unknownAuthors} worklogs have`} no readable author: the time is counted, the author shown as unknown.`);
  }
  if (skipped > 0) {
    notes.push(`${skipped === 1 ? '1 worklog has' : `${skipped} worklogs have`} no valid start time or duration and ${skipped === 1 ? 'was' : 'were'} left out.`);
  }
  return notes;
}
