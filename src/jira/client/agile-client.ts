/**
 * Jira Software (Agile) operations: the project's board and its estimation field, sprints by state,
 * and moving issues into a sprint or back to the backlog in batches of 50 (Jira's limit per call).
 */
import type { z } from 'zod';
import { route } from '../../forge/route';
import { chunk, mapBounded } from '../bounded-pool';
import type { JiraHttp } from '../jira-http';
import { agilePage, boardConfigurationSchema, boardSchema, sprintSchema } from './schemas';

export type Board = z.infer<typeof boardSchema>;
export type Sprint = z.infer<typeof sprintSchema>;
export type SprintState = Sprint['state'];

/** Jira's maximum issues per move call. */
export const MOVE_BATCH = 50;
const SPRINT_PAGE = 50;
const BOARD_PAGE = 50;

export class AgileClient {
  constructor(private readonly http: JiraHttp) {}

  /** The project's scrum board (the one located in the project when several show it), or null. */
  async boardForProject(projectKey: string): Promise<Board | null> {
    const page = await this.http.json('getAllBoards', { method: 'GET', route: route`/rest/agile/1.0/board?projectKeyOrId=${projectKey}&type=${'scrum'}` }, agilePage(boardSchema));
    return page.values.find((b) => b.location?.projectKey === projectKey) ?? page.values[0] ?? null;
  }

  /**
   * Every Scrum board of the project, following offset paging to the end (at most `limit`): the
   * boards settings may choose from when the project has several (issue 15, item 3). The boards Jira
   * lists for the project include boards located elsewhere whose filter shows its issues.
   */
  async projectScrumBoards(projectKey: string, limit = 200): Promise<Board[]> {
    const all: Board[] = [];
    for (let startAt = 0; all.length < limit; ) {
      const page = await this.http.json(
        'getAllBoards',
        { method: 'GET', route: route`/rest/agile/1.0/board?projectKeyOrId=${projectKey}&type=${'scrum'}&startAt=${startAt}&maxResults=${BOARD_PAGE}` },
        agilePage(boardSchema),
      );
      all.push(...page.values);
      startAt += page.values.length;
      if (page.isLast !== false || page.values.length === 0) break;
    }
    return all.slice(0, limit);
  }

  /** One board by id; Jira answers 404 (a JiraError NotFound) when it is gone or the caller may not see it. */
  async board(boardId: number): Promise<Board> {
    return this.http.json('getBoard', { method: 'GET', route: route`/rest/agile/1.0/board/${boardId}` }, boardSchema);
  }

  /**
   * Every Scrum board the caller may see, following offset paging to the end (at most `limit`
   * boards): Jira lists only boards of projects the caller may browse, which is what the dashboard
   * gadget offers to choose from.
   */
  async scrumBoards(limit = 500): Promise<Board[]> {
    const all: Board[] = [];
    for (let startAt = 0; all.length < limit; ) {
      const page = await this.http.json('getAllBoards', { method: 'GET', route: route`/rest/agile/1.0/board?type=${'scrum'}&startAt=${startAt}&maxResults=${BOARD_PAGE}` }, agilePage(boardSchema));
      all.push(...page.values);
      startAt += page.values.length;
      if (page.isLast !== false || page.values.length === 0) break;
    }
    return all.slice(0, limit);
  }

  /** The board's story-point field (its estimation field), when it estimates by a field. */
  async estimationFieldId(boardId: number): Promise<string | undefined> {
    const config = await this.http.json('getConfiguration', { method: 'GET', route: route`/rest/agile/1.0/board/${boardId}/configuration` }, boardConfigurationSchema);
    return config.estimation?.type === 'field' ? config.estimation.field?.fieldId : undefined;
  }

  /** The board's columns, left to right, each with the ids of the statuses it holds. */
  async columns(boardId: number): Promise<Array<{ name: string; statusIds: string[] }>> {
    const config = await this.http.json('getConfiguration', { method: 'GET', route: route`/rest/agile/1.0/board/${boardId}/configuration` }, boardConfigurationSchema);
    return (config.columnConfig?.columns ?? []).map((c) => ({ name: c.name, statusIds: c.statuses.map((s) => s.id) }));
  }

  /** Sprints of a board in the given states, following offset paging to the end. */
  async sprints(boardId: number, states: readonly SprintState[]): Promise<Sprint[]> {
    const all: Sprint[] = [];
    for (let startAt = 0; ; ) {
      const page = await this.http.json(
        'getAllSprints',
        { method: 'GET', route: route`/rest/agile/1.0/board/${boardId}/sprint?state=${states.join(',')}&startAt=${startAt}&maxResults=${SPRINT_PAGE}` },
        agilePage(sprintSchema),
      );
      all.push(...page.values);
      startAt += page.values.length;
      if (page.isLast !== false || page.values.length === 0) return all;
    }
  }

  async sprint(sprintId: number): Promise<Sprint> {
    return this.http.json('getSprint', { method: 'GET', route: route`/rest/agile/1.0/sprint/${sprintId}` }, sprintSchema);
  }

  /** Move issues into an active or future sprint, 50 per call. */
  async moveToSprint(sprintId: number, issueKeys: readonly string[]): Promise<void> {
    await mapBounded(chunk(issueKeys, MOVE_BATCH), 2, (issues) =>
      this.http.noContent('moveIssuesToSprintAndRank', { method: 'POST', route: route`/rest/agile/1.0/sprint/${sprintId}/issue`, body: { issues } }),
    );
  }

  /** Move issues to the backlog (out of active and future sprints), 50 per call. */
  async moveToBacklog(issueKeys: readonly string[]): Promise<void> {
    await mapBounded(chunk(issueKeys, MOVE_BATCH), 2, (issues) =>
      this.http.noContent('moveIssuesToBacklog', { method: 'POST', route: route`/rest/agile/1.0/backlog/issue`, body: { issues } }),
    );
  }
}
