/**
 * `settings.choices` (issue 12, item 7) through the resolver handler, against the simulator over HTTP:
 * the lists the settings pickers offer, in the site's words, per project and per user, and what the
 * page is told when Jira will not list something.
 */
import { startSimulator, type Simulator } from '../../dev/sim';
import { dataOf, resolverHarness, type ResolverHarness } from '../../test/builders/resolver-harness';
import type { SettingsChoices } from '../contract/settings';

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
let sim: Simulator;
let h: ResolverHarness;

const choices = (role: 'admin' | 'po' | 'dev' | 'outsider', project = 'SUP', payload: unknown = {}) => h.call<SettingsChoices>(role, 'settings.choices', payload, { project });
const asked = (): string[] => sim.requests().map((r) => r.operationId ?? '');

beforeAll(async () => {
  sim = await startSimulator({ port: 0, now: NOW });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  h = resolverHarness(sim, { nowMs: NOW });
  sim.clearRequests();
});

it("lists SUP's priorities in scheme order, its issue types and components, and the Severity options from the create screen", async () => {
  const view = dataOf(await choices('admin'));
  expect(view.priorities.map((p) => p.name)).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
  expect(view.issueTypes).toEqual(['Story', 'Task', 'Bug', 'Incident', 'Support request']);
  expect(view.components).toEqual(['Payments', 'Checkout', 'Accounts', 'Notifications', 'Reporting']);
  expect(view.teamManaged).toBe(false);
  expect(view.severityField).toEqual({ id: 'customfield_10081', name: 'Severity' });
  expect(view.severityOptions).toEqual(['Sev 1', 'Sev 2', 'Sev 3', 'Sev 4']);
  expect(view.notes).toEqual([]);
  // The Severity field is on the support type's create screen: its options come with the priorities.
  expect(asked()).toContain('getCreateIssueMetaIssueTypeId');
});

it('fits the default support filter to the project: no "[System]" types on a software project, no Incident where there is none', async () => {
  expect(dataOf(await choices('admin')).defaultSupportFilter).toEqual({ issueTypes: ['Bug', 'Incident', 'Support request'], labels: ['support'] });
  expect(dataOf(await choices('admin', 'TEAM')).defaultSupportFilter).toEqual({ issueTypes: ['Bug', 'Support request'], labels: ['support'] });
});

it("says the Severity options cannot be listed when the create screen lacks the field (team-managed TEAM), and asks nothing more", async () => {
  const view = dataOf(await choices('admin', 'TEAM'));
  expect(view.teamManaged).toBe(true);
  expect(view.issueTypes).toEqual(['Story', 'Task', 'Bug', 'Support request']);
  expect(view.severityOptions).toEqual([]);
  expect(view.notes).toEqual(['Severity is not on the create screen of Bug, so Jira lists no options for it here: the values already mapped are shown and new ones can be typed.']);
  // A field's context options need manage:jira-configuration, which the app does not ask for.
  expect(asked().filter((id) => id.includes('Context'))).toEqual([]);
});

it('still lists issue types and components for someone Jira will not show priorities or field contexts (dev: no Create Issues), and says what is missing', async () => {
  const view = dataOf(await choices('dev'));
  expect(view.issueTypes).toContain('Incident');
  expect(view.priorities).toEqual([]);
  expect(view.severityOptions).toEqual([]);
  expect(view.notes).toEqual([
    expect.stringMatching(/^Jira did not list this project's priorities .*new ones can be typed\.$/),
  ]);
});

it('answers NOT_FOUND to someone who cannot see the project, before reading anything', async () => {
  const answer = await choices('outsider');
  expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(asked()).not.toContain('getProject');
});

it('refuses a Severity field that is not a custom field id, with a sentence', async () => {
  const answer = await choices('admin', 'SUP', { severityFieldId: 'summary' });
  expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  if (!answer.ok) expect(answer.error.message).toMatch(/custom field id such as customfield_10081/);
});

it("lists the board's sprints for per-sprint overrides: every id in turn order, and the active and future ones by name", async () => {
  const { sprints } = dataOf(await choices('admin'));
  expect(sprints.turnOrder).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
  expect(sprints.open.map((s) => [s.id, s.state])).toEqual([
    [13, 'active'],
    [14, 'future'],
  ]);
  expect(sprints.open[0]?.name).toMatch(/Sprint 13/);
});
