/**
 * What the create-only revision claims of settings and follow-ups share (settings/save-settings.ts,
 * storage/follow-ups.ts): a save claims revision N, then writes its record, in two KVS calls. A save
 * that finds N claimed and no record yet cannot tell a save still on its way from one that died
 * between the two calls; it treats the newest claim as on its way for this long (a KVS write takes
 * well under a second), so two saves never both win, and numbers past an older one.
 */
export const ABANDONED_CLAIM_MS = 30_000;
