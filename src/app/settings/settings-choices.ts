/**
 * `settings.choices` (issue 12, item 7): what the settings page's pickers offer, in the site's own
 * words — the project's priorities in its scheme's order, its issue types and components, the Severity
 * field's options, and the default support filter fitted to the project. Read as the user (an admin
 * opening their project's settings) once per page load: the page asks on load and keeps the answer;
 * the field list behind the Severity field comes from the stored copy (a day old at most).
 *
 * The project's Scrum boards are listed (the board the budget follows, issue 15 item 3), and the sprints
 * of the board in use (the one chosen in settings while it is listed, else the first) for the per-sprint
 * rotation overrides. Besides them, three requests at most, usually two: the project (issue types, components), and the create metadata
 * of one support issue type, which holds the priorities in the scheme's order and the Severity options
 * when the field is on that screen. When it is not, its options are not asked for: Jira lists a
 * field's context options only with `manage:jira-configuration` ("Manage Jira configuration" on the
 * consent screen — too much to ask of every site for one picker), so the sentence says so and the
 * page lets the admin type those values instead.
 */
import type { Board } from '../../jira/client/agile-client';
import type { SettingsChoices, SprintChoices } from '../../contract/settings';
import { DEFAULT_SUPPORT_FILTER, fitSupportFilter } from '../../domain/support-filter';
import { JiraError } from '../../jira/errors';
import type { Ports } from '../../ports';
import { defaultBoard } from '../sprint/chosen-board';
import { inStartOrder } from '../sprint/project-context';
import { fieldSource } from '../storage/field-list';
import { loadSettings } from '../storage/settings-repository';

const NO_SEVERITY_FIELD = 'No Severity field was found: choose the field that holds severity above to map its options.';
const notOnScreen = (field: string, type: string | undefined): string =>
  `${field} is not on the create screen of ${type ?? "this project's issue types"}, so Jira lists no options for it here: the values already mapped are shown and new ones can be typed.`;
const PRIORITIES_UNKNOWN = "Jira did not list this project's priorities (they come from its create screen, which needs the Create issues permission), so the names already mapped are shown and new ones can be typed.";

export async function settingsChoices(ports: Ports, projectKey: string, severityFieldId: string | null): Promise<SettingsChoices> {
  const [project, discovery, { boards, sprints }] = await Promise.all([
    ports.jira.config.project(projectKey),
    fieldSource(ports, projectKey).discover(severityFieldId ? { severityFieldId } : {}),
    boardsAndSprints(ports, projectKey),
  ]);
  const notes: string[] = [];
  const field = discovery.catalog.severity ?? null;
  const typeNames = project.issueTypes.map((t) => t.name);
  const fitted = fitSupportFilter(DEFAULT_SUPPORT_FILTER, typeNames);
  // The create screen of a support type: where Severity is most likely to be, and priorities are on every one.
  const screenType = project.issueTypes.find((t) => fitted.issueTypes.includes(t.name)) ?? project.issueTypes[0];
  const meta = screenType
    ? await ports.jira.config.createMeta(projectKey, screenType.id).catch((error: unknown) => {
        if (!(error instanceof JiraError) || !['Forbidden', 'NotFound', 'BadRequest'].includes(error.kind)) throw error;
        return undefined;
      })
    : undefined;
  const priorities = meta?.priorities ?? [];
  if (priorities.length === 0) notes.push(PRIORITIES_UNKNOWN);
  const onScreen = field ? meta?.selectOptions.get(field.id) : undefined;
  if (!field) notes.push(NO_SEVERITY_FIELD);
  else if (!onScreen && meta) notes.push(notOnScreen(field.name, screenType?.name));
  return {
    priorities,
    issueTypes: typeNames,
    components: project.components,
    ...(project.projectTypeKey ? { projectTypeKey: project.projectTypeKey } : {}),
    teamManaged: project.teamManaged,
    severityField: field ? { id: field.id, name: field.name } : null,
    severityOptions: onScreen ?? [],
    defaultSupportFilter: fitted,
    boards: boards.map((b) => ({ id: b.id, name: b.name })),
    sprints,
    notes,
  };
}

/** The project's Scrum boards, and the sprints of the one in use for per-sprint rotation overrides (none without a Scrum board). */
async function boardsAndSprints(ports: Ports, projectKey: string): Promise<{ boards: Board[]; sprints: SprintChoices }> {
  const [boards, loaded] = await Promise.all([ports.jira.agile.projectScrumBoards(projectKey), loadSettings(ports.store, projectKey)]);
  // The default (no choice) first, the one the views follow (sprint/chosen-board.ts), so the picker's "first board" is it.
  const first = defaultBoard(boards, projectKey);
  const ordered = first ? [first, ...boards.filter((b) => b.id !== first.id)] : boards;
  const board = ordered.find((b) => b.id === loaded.settings.boardId) ?? first;
  return { boards: ordered, sprints: board ? await sprintChoices(ports, board) : { turnOrder: [], open: [] } };
}

async function sprintChoices(ports: Ports, board: Board): Promise<SprintChoices> {
  const ordered = inStartOrder(await ports.jira.agile.sprints(board.id, ['closed', 'active', 'future']));
  return {
    turnOrder: ordered.map((s) => s.id),
    open: ordered.flatMap((s) =>
      s.state === 'closed' ? [] : [{ id: s.id, name: s.name, state: s.state, ...(s.startDate ? { startDate: s.startDate } : {}), ...(s.endDate ? { endDate: s.endDate } : {}) }],
    ),
  };
}
