/** The preview's front page: every surface, for every demo user, in light and dark. */
import type { PreviewLogin } from './server';
import { PREVIEW_USERS, type PreviewUser } from './surfaces';

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function indexPage(projects: readonly string[], issues: readonly string[], logins: Readonly<Record<PreviewUser, PreviewLogin>>): string {
  const links = (path: string): string =>
    PREVIEW_USERS.map((u) => `<a href="${path}?as=${u}">${u}</a> (<a href="${path}?as=${u}&theme=dark">dark</a>)`).join(' · ');
  const rows = [
    ...projects.flatMap((p) => [
      `<li>Dashboard ${escape(p)}: ${links(`/dashboard/${p}`)}</li>`,
      `<li>Settings ${escape(p)}: ${links(`/settings/${p}`)}</li>`,
      `<li>Dashboard gadget ${escape(p)}: ${links(`/gadget/${p}`)} — edit mode: ${links(`/gadget/${p}/edit`)}</li>`,
    ]),
    ...issues.flatMap((k) => [`<li>Issue panel ${escape(k)}: ${links(`/panel/${k}`)}</li>`, `<li>Issue context ${escape(k)}: ${links(`/context/${k}`)}</li>`]),
    `<li>Dashboard gadget, not configured yet: ${links('/gadget')} — edit mode: ${links('/gadget/edit')}</li>`,
  ];
  const users = PREVIEW_USERS.map((u) => `<li><b>${u}</b>: ${escape(logins[u].displayName)} (${escape(logins[u].email)})</li>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Interrupt Budget — local preview</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;line-height:1.6}</style></head><body>
<h1>Interrupt Budget — local preview</h1>
<p>The real app UI and resolvers, against the Jira site below. Pick a surface and who you are.</p>
<h2>Users</h2><ul>${users}</ul>
<h2>Surfaces</h2><ul>${rows.join('')}</ul>
<p>Any issue works too: <code>/panel/SUP-1</code>, <code>/context/SUP-1</code>, <code>/dashboard/TEAM</code>, <code>/gadget/TEAM</code>, <code>/settings/TEAM</code>, with <code>?as=admin|po|dev|outsider</code> and <code>&amp;theme=dark</code>; <code>&amp;refresh=refuse</code> answers the panel's request to refresh Jira's issue view as a host that cannot.</p>
</body></html>`;
}
