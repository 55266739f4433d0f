/**
 * The projects the gadget's edit mode offers (`gadget.projects`): those with a Scrum board the viewer
 * may see, asked of Jira as the viewer — Jira lists only boards of projects they may browse — so the
 * choice never names a project they cannot see, and never offers one the app cannot measure (no Scrum
 * board). One project per key (a project may have several boards), sorted by name.
 */
import type { GadgetProject, GadgetProjects } from '../../contract/gadget';
import type { Ports } from '../../ports';

export async function gadgetProjects(ports: Ports): Promise<GadgetProjects> {
  const boards = await ports.jira.agile.scrumBoards();
  const byKey = new Map<string, GadgetProject>();
  for (const board of boards) {
    const key = board.location?.projectKey;
    if (!key || byKey.has(key)) continue;
    byKey.set(key, { key, name: board.location?.projectName || key });
  }
  return { projects: [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key)) };
}
