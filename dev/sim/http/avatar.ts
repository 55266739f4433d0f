/**
 * `GET /secure/useravatar?ownerId=…&size=…`: the avatar images the users' `avatarUrls` point at, so a
 * page showing people (the app's Person component) draws real avatars in the preview. Jira serves
 * avatars without the REST API's authentication; so does this. An SVG circle with the person's
 * initials on a colour picked from their account id; an unknown owner gets Jira's grey default.
 */
import type { ServerResponse } from 'node:http';
import type { SiteStore } from '../site/store';

const COLOURS = ['#0052CC', '#00875A', '#5243AA', '#DE350B', '#FF991F', '#00A3BF', '#6554C0', '#36B37E'];

function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => w !== '');
  return words.slice(0, 2).map((w) => (w[0] ?? '').toUpperCase()).join('');
}

function colourOf(accountId: string): string {
  let hash = 0;
  for (const ch of accountId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return COLOURS[hash % COLOURS.length] ?? '#0052CC';
}

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function sendAvatar(store: SiteStore, url: URL, response: ServerResponse): void {
  const size = Math.min(128, Math.max(16, Number(url.searchParams.get('size')) || 48));
  const user = store.user(url.searchParams.get('ownerId') ?? '');
  const fill = user ? colourOf(user.accountId) : '#8590A2';
  const text = user ? escape(initials(user.displayName)) : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 48 48"><circle cx="24" cy="24" r="24" fill="${fill}"/><text x="24" y="24" dy="0.35em" text-anchor="middle" font-family="Arial, sans-serif" font-size="19" font-weight="600" fill="#FFFFFF">${text}</text></svg>`;
  response.writeHead(200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'max-age=86400' });
  response.end(svg);
}
