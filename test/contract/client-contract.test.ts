/**
 * The client's contract with Jira, end to end: every operation the client uses is exercised against the
 * simulator over real HTTP, and every request it sent and every response it got back is validated
 * against Atlassian's full OpenAPI specs. The test names list the operations covered.
 */
import { startSimulator, type Simulator, type RecordedRequest } from '../../dev/sim';
import { BasicAuthTransport } from '../../src/jira/basic-auth-transport';
import { JiraClient } from '../../src/jira/jira-client';
import { JIRA_OPERATIONS, type OperationId } from '../../src/jira/operations';
import { specOperation } from './openapi';
import { validateHttpRequest, validateHttpResponse } from './http';

let sim: Simulator;
let recorded: readonly RecordedRequest[];

const urlOf = (r: RecordedRequest): string => {
  const query = new URLSearchParams(r.query).toString();
  return query ? `${r.path}?${query}` : r.path;
};

/** Drive every client operation once or more, the way the app's use cases will. */
async function exerciseClient(): Promise<void> {
  const login = sim.users.po;
  const client = JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: sim.url, email: login.email, apiToken: login.token }) });
  const { catalog } = await client.discoverFields();
  const board = await client.agile.boardForProject('SUP');
  if (!board) throw new Error('no SUP board');
  await client.agile.scrumBoards(); // every visible Scrum board, paged (the gadget's project choice)
  await client.agile.projectScrumBoards('TEAM'); // the project's Scrum boards (settings' board choice)
  await client.agile.board(board.id); // one board (whether the chosen board still exists)
  await client.agile.estimationFieldId(board.id);
  await client.agile.columns(board.id);
  await client.issues.projectStatuses('SUP');
  const sprints = await client.agile.sprints(board.id, ['active', 'future', 'closed']);
  const active = sprints.find((s) => s.state === 'active');
  if (!active) throw new Error('no active sprint');
  await client.agile.sprint(active.id);
  const window = { startMs: Date.parse(active.startDate ?? ''), endMs: Date.parse(active.endDate ?? '') };
  const { tickets } = await client.searchTickets({ jql: `project = SUP AND sprint = ${active.id}`, catalog, worklogs: { window } });
  const [first, second] = tickets;
  if (!first || !second) throw new Error('the active sprint is nearly empty');
  await client.ticket(first.key, catalog);
  await client.issues.worklogs(first.key, window);
  await client.issues.worklogs(first.key);
  await client.issues.getProperty(first.key, 'interruptBudget');
  await client.issues.setProperty(first.key, 'interruptBudget', { outcome: 'needs-info', policyOutcome: 'needs-info', policyVersion: 1, ruleId: 'unclassified', override: false, decidedBy: login.accountId, decidedAt: '2026-11-23T09:00:00.000Z' });
  await client.issues.updateLabels(first.key, { add: ['interrupt'], remove: ['deferred'] });
  await client.issues.assign(first.key, login.accountId);
  await client.issues.assign(second.key, null);
  await client.issues.addComment(first.key, { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Triage: interrupt.' }] }] });
  await client.issues.comments(first.key);
  await client.agile.moveToBacklog([second.key]);
  await client.agile.moveToSprint(active.id, [second.key]);
  await client.people.myself();
  await client.people.myPermissions({ projectKey: 'SUP' }, ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS']);
  await client.people.myPermissions({ issueKey: first.key }, ['EDIT_ISSUES']);
  await client.people.assignableUsers('SUP', 'demo');
  await client.people.assignableUser('SUP', login.accountId);
  // The ids of a view: known people, a deleted one (left out of the answer), and more than one request holds.
  await client.people.usersByIds([login.accountId, sim.users.dev.accountId, '712020:0b7d2e4c-9a15-4f3e-8c6d-5e4f3a2b1c05', ...Array.from({ length: 120 }, (_, i) => `5b10a2844c20165700ede${String(i).padStart(3, '0')}`)]);
  await client.browsableIssueIds([first.id, second.id, '999999']);
  await client.hasAnyIssue('project = SUP AND level is not EMPTY');
  expect(await client.approximateCount('project = SUP AND key = ' + first.key)).toBe(1);
  await client.searchTickets({ jql: `project = SUP AND key = ${first.key}`, catalog, reconcileIssueIds: [Number(first.id)] });
  // The settings pickers (issue 12, item 7): as an admin, who may read a create screen.
  const admin = JiraClient.create({ transport: new BasicAuthTransport({ baseUrl: sim.url, email: sim.users.admin.email, apiToken: sim.users.admin.token }) });
  const sup = await admin.config.project('SUP');
  await admin.config.project('TEAM');
  await admin.config.createMeta('SUP', sup.issueTypes.find((t) => t.name === 'Incident')?.id ?? '');
  // A corrective action (issue 14, item 2): created in the backlog and linked to the interrupt, as po.
  const created = await client.issues.create({ projectId: sup.id, issueTypeId: sup.issueTypes.find((t) => t.name === 'Task')?.id ?? '', summary: `Corrective action for ${first.key}: ${first.summary ?? ''}`.slice(0, 255), description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: `Follow-up of ${first.key}.` }] }] } });
  await client.issues.link('Relates', created.key, first.key);
  // Error answers are part of the contract too.
  await client.issues.getProperty(first.key, 'no-such-property');
  await client.ticket('SUP-999999', catalog).catch(() => undefined);
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: Date.UTC(2026, 10, 23, 9) });
  await exerciseClient();
  recorded = sim.requests();
});
afterAll(async () => {
  // The operations this contract covers, with how often the client called each: the suite's summary.
  const lines = operations.map((id) => `  ${JIRA_OPERATIONS[id].method.padEnd(4)} ${JIRA_OPERATIONS[id].path.padEnd(58)} ${id} ×${recorded.filter((r) => r.operationId === id).length}`);
  console.info(`Client contract: ${operations.length} operations checked against the OpenAPI specs\n${lines.join('\n')}`);
  await sim.close();
});

const operations = Object.keys(JIRA_OPERATIONS) as OperationId[];

describe.each(operations)('%s', (operationId) => {
  const calls = (): RecordedRequest[] => recorded.filter((r) => r.operationId === operationId);

  it('is in the spec and not removed', () => {
    const op = specOperation(operationId, JIRA_OPERATIONS[operationId].spec);
    expect({ method: op.method.toUpperCase(), path: op.path, removed: op.removed }).toEqual({
      method: JIRA_OPERATIONS[operationId].method,
      path: JIRA_OPERATIONS[operationId].path,
      removed: false,
    });
  });

  it('is exercised by the client', () => {
    expect(calls().length).toBeGreaterThan(0);
  });

  it('every request the client sent matches the spec', () => {
    for (const call of calls()) {
      const result = validateHttpRequest(call.method, urlOf(call), call.body);
      expect({ request: `${call.method} ${urlOf(call)}`, errors: result.errors }).toEqual({ request: `${call.method} ${urlOf(call)}`, errors: [] });
    }
  });

  it('every response the simulator gave matches the spec', () => {
    for (const call of calls()) {
      const result = validateHttpResponse(call.method, urlOf(call), call.status, call.responseBody);
      expect({ response: `${call.status} for ${call.method} ${urlOf(call)}`, errors: result.errors }).toEqual({ response: `${call.status} for ${call.method} ${urlOf(call)}`, errors: [] });
    }
  });
});

it('the client sent nothing outside the declared operations', () => {
  expect(recorded.filter((r) => r.operationId === undefined).map((r) => `${r.method} ${r.path}`)).toEqual([]);
});
