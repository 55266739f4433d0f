/**
 * `settings.wipStatuses`: what the WIP status picker offers (issue 12, item 3) — the board's columns,
 * left to right, each with its statuses by name and category, plus the statuses of the project that
 * no column shows (Jira lets a workflow have them), and which ones the default rule counts.
 *
 * Two reads (the board configuration and the project's statuses), side by side; both change about
 * never, so the answer is kept a day per project (`wip-statuses:<project>`, naming the board it was
 * read from). A project without a board still gets its statuses, in one group.
 */
import { z } from 'zod';
import type { WipStatusOptions } from '../../contract/settings';
import { defaultInProgressStatusIds, type StatusRef } from '../../domain/wip';
import type { Ports } from '../../ports';
import { keys } from '../storage/keys';
import { readRecord, writeRecord } from '../storage/stored-record';

export const WIP_STATUS_OPTIONS_MAX_AGE_MS = 24 * 60 * 60_000;

const statusRef = z.object({ id: z.string(), name: z.string(), category: z.enum(['new', 'indeterminate', 'done', 'unknown']) });
const schema = z.object({
  schemaVersion: z.literal(1),
  boardId: z.number().int().nullable(),
  readAt: z.number(),
  columns: z.array(z.object({ name: z.string(), statuses: z.array(statusRef) })),
});

/** The columns with their statuses; statuses no column holds come last, as "Not on the board". */
export function groupByColumn(columns: readonly { name: string; statusIds: readonly string[] }[], statuses: readonly StatusRef[]): WipStatusOptions['columns'] {
  const byId = new Map(statuses.map((s) => [s.id, s]));
  const shown = new Set<string>();
  const grouped = columns.map((column) => ({
    name: column.name,
    statuses: column.statusIds.flatMap((id) => {
      const status = byId.get(id);
      if (!status || shown.has(id)) return [];
      shown.add(id);
      return [status];
    }),
  }));
  const rest = statuses.filter((s) => !shown.has(s.id));
  return [...grouped.filter((c) => c.statuses.length > 0), ...(rest.length > 0 ? [{ name: columns.length > 0 ? 'Not on the board' : 'Statuses', statuses: rest }] : [])];
}

export async function wipStatusOptions(ports: Ports, projectKey: string): Promise<WipStatusOptions> {
  const now = ports.clock.now();
  const board = await ports.jira.agile.boardForProject(projectKey);
  const boardId = board?.id ?? null;
  const stored = (await readRecord(ports.store, keys.wipStatusOptions(projectKey), schema)).value;
  const fresh = stored && stored.boardId === boardId && stored.readAt <= now && now - stored.readAt < WIP_STATUS_OPTIONS_MAX_AGE_MS;
  const columns = fresh
    ? stored.columns
    : await (async () => {
        const [boardColumns, statuses] = await Promise.all([board ? ports.jira.agile.columns(board.id) : Promise.resolve([]), ports.jira.issues.projectStatuses(projectKey)]);
        const grouped = groupByColumn(boardColumns, statuses);
        await writeRecord(ports.store, keys.wipStatusOptions(projectKey), schema, { schemaVersion: 1, boardId, readAt: now, columns: grouped });
        return grouped;
      })();
  return { columns, defaultIds: defaultInProgressStatusIds(columns.flatMap((c) => c.statuses)) };
}
