/**
 * Which of the issues a shared record names the viewer may see. The ledger is computed as the app
 * (complete, the same for everyone), so before a view lists an issue by key, summary or reason it
 * asks Jira, as the viewer, which of the listed issues they may browse: one batched permission
 * check (`POST /rest/api/3/permissions/check`, BROWSE_PROJECTS for up to 1,000 issue ids per call,
 * issue-level security included), made once per view and only about the issues where it can matter:
 * - nothing is listed: no check;
 * - every listed issue is in the viewed project (whose visibility the view already proved): only
 *   the listed issues with a security level (storage/issue-security.ts, by id, asked once a day)
 *   are checked — the others are visible to everyone who sees the project — and none when no listed
 *   issue has one. That keeps a view's check at 2 points per secured issue it lists (issue 13, item 4);
 * - otherwise (an issue of another project, or too many secured issues to keep by id) every listed
 *   issue is checked; an issue named without an id (a record from before ids were kept) counts as
 *   not visible, so a gap fails closed.
 * What the viewer may not see is counted ("2 restricted issues · 5.25 h"), never named.
 */
import type { Ports } from '../../ports';
import { issueSecurity } from '../storage/issue-security';

export interface ListedIssue {
  readonly key: string;
  readonly id?: string;
}

/** `sees(issue)`: whether this viewer may see that listed issue. */
export interface ViewerFilter {
  sees(issue: ListedIssue): boolean;
  /** True when a per-issue check was made (the request it cost, for the counts). */
  readonly checked: boolean;
}

const inProject = (projectKey: string, key: string): boolean => key.startsWith(`${projectKey}-`);

export async function viewerFilter(ports: Ports, projectKey: string, listed: readonly ListedIssue[]): Promise<ViewerFilter> {
  if (listed.length === 0) return { sees: () => true, checked: false };
  if (listed.every((issue) => inProject(projectKey, issue.key))) {
    const secured = await issueSecurity.securedIssues(ports, projectKey);
    if (secured !== 'many') {
      const ids = [...new Set(listed.flatMap((issue) => (issue.id && secured.has(issue.id) ? [issue.id] : [])))];
      if (ids.length === 0 && listed.every((issue) => issue.id)) return { sees: () => true, checked: false };
      const visible = ids.length > 0 ? await ports.jira.browsableIssueIds(ids) : new Set<string>();
      return { sees: (issue) => issue.id !== undefined && (!secured.has(issue.id) || visible.has(issue.id)), checked: ids.length > 0 };
    }
  }
  const ids = [...new Set(listed.flatMap((issue) => (issue.id ? [issue.id] : [])))];
  const visible = await ports.jira.browsableIssueIds(ids);
  return { sees: (issue) => issue.id !== undefined && visible.has(issue.id), checked: true };
}

const ISSUE_NOTE = /^([A-Z][A-Z0-9_]*-[1-9]\d*): (.*)$/s;

/**
 * Notes the app's reads produced name issues (`SUP-12: Severity has several values…`): a note about
 * an issue the viewer may not see — or one the view does not list, whose visibility is unknown —
 * keeps what it says and loses the key. Notes about no issue are kept as they are.
 */
export function viewerNotes(notes: readonly string[], filter: ViewerFilter, listed: readonly ListedIssue[]): string[] {
  const byKey = new Map(listed.map((issue) => [issue.key, issue]));
  return notes.map((note) => {
    const match = ISSUE_NOTE.exec(note);
    if (!match) return note;
    const issue = byKey.get(match[1] as string);
    return issue && filter.sees(issue) ? note : `An issue not shown to you: ${match[2] as string}`;
  });
}
