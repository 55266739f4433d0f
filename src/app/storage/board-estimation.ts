/**
 * The board's estimation field (which story-points field the board counts), remembered for a day.
 * Every sprint use case needs it to read story points (velocity, the points model), Jira only gives
 * it through the board configuration, and it changes about never: asking once a day instead of on
 * every view takes one request off each dashboard, panel budget and hourly run.
 *
 * Key `estimation:<project>`; the record names the board it was read from, so a project that moved
 * to another board asks again.
 */
import { z } from 'zod';
import type { Ports } from '../../ports';
import { readRecord, writeRecord } from './stored-record';

export const ESTIMATION_MAX_AGE_MS = 24 * 60 * 60_000;

const key = (projectKey: string): string => `estimation:${projectKey}`;
const schema = z.object({ schemaVersion: z.literal(1), boardId: z.number().int(), fieldId: z.string().nullable(), readAt: z.number() });

/** The board's estimation field id (undefined when the board estimates by issue count or time). */
export async function boardEstimationField(ports: Ports, projectKey: string, boardId: number): Promise<string | undefined> {
  const now = ports.clock.now();
  const stored = await readRecord(ports.store, key(projectKey), schema);
  const value = stored.value;
  if (value && value.boardId === boardId && value.readAt <= now && now - value.readAt < ESTIMATION_MAX_AGE_MS) return value.fieldId ?? undefined;
  const fieldId = await ports.appJira.agile.estimationFieldId(boardId);
  await writeRecord(ports.store, key(projectKey), schema, { schemaVersion: 1, boardId, fieldId: fieldId ?? null, readAt: now });
  return fieldId;
}
