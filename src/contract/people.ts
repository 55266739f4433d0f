/**
 * People as every view names them: a directory from account id to what the UI shows (display name
 * and avatar), filled by the resolver for every account id the view contains, so the UI never has
 * to show an id or look anyone up itself. The viewer is in it like anyone else; the UI shows them
 * as "you".
 */

/** The words shown for a deleted, hidden or unknown account: what Jira itself shows for one. */
export const FORMER_USER = 'Former user';

export interface PersonView {
  /** Jira's display name, or "Former user" when the account is deleted, hidden or unknown. */
  readonly displayName: string;
  /** An avatar Jira gave (the 48×48 one), absent when it gave none. */
  readonly avatarUrl?: string;
  /** The account is deleted, hidden or unknown to Jira. */
  readonly former?: true;
}

/** Account id → the person; an id missing from it could not be looked up just now (Jira unreachable). */
export type PeopleDirectory = Readonly<Record<string, PersonView>>;
