/**
 * Follow-ups on an interrupt (issue 14, item 2), as the panel shows and saves them: the item schemas
 * the `panel.setFollowUps` payload and the stored record are both validated with, and the view the
 * panel gets. The issue always comes from the Jira context, never from the payload.
 */
import { z } from 'zod';
import { FOLLOW_UP_KINDS, type FollowUpItem, type FollowUpKind, type FollowUps } from '../domain/follow-ups';

/** Longest link kept: a URL to an analysis or a pull request, not a document. */
export const MAX_FOLLOW_UP_LINK = 2000;
/** A Jira issue key, such as ABC-123. */
export const ISSUE_KEY_PATTERN = /^[A-Z][A-Z0-9_]{0,49}-[1-9]\d{0,9}$/;

/** Only http(s): anything else (javascript:, data:) is not a link the panel should offer to open. */
const httpLink = z
  .string()
  .trim()
  .max(MAX_FOLLOW_UP_LINK, `shorten the link to at most ${MAX_FOLLOW_UP_LINK} characters`)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'enter a link starting with https:// or http://, or leave it empty');

export const followUpItemSchema = z.object({
  done: z.boolean(),
  link: httpLink.optional(),
  issueKey: z.string().trim().toUpperCase().regex(ISSUE_KEY_PATTERN, 'enter an issue key such as SUP-123, or leave it empty').optional(),
});

/** One item per kind, each optional; unknown kinds are dropped. */
export const followUpsSchema = z.object(Object.fromEntries(FOLLOW_UP_KINDS.map((k) => [k, followUpItemSchema.optional()])) as Record<FollowUpKind, z.ZodOptional<typeof followUpItemSchema>>);

/** `panel.setFollowUps`: the whole checklist, and the revision the panel showed (0: none saved yet). */
export const setFollowUpsPayloadSchema = z.object({
  items: followUpsSchema,
  baseRevision: z.number({ error: 'reload the page and save again' }).int().min(0),
});
export type SetFollowUpsPayload = z.infer<typeof setFollowUpsPayloadSchema>;

/**
 * `panel.createCorrectiveAction`: creates the issue in the ticket's project backlog and records it as
 * the corrective action (done), on top of the revision the panel showed.
 */
export const createCorrectiveActionPayloadSchema = z.object({
  baseRevision: z.number({ error: 'reload the page and try again' }).int().min(0),
});
export type CreateCorrectiveActionPayload = z.infer<typeof createCorrectiveActionPayloadSchema>;

/** What the panel shows under an applied interrupt once the ticket is resolved. */
export interface PanelFollowUps {
  /** The follow-ups the team uses (settings), in its order. */
  readonly kinds: readonly FollowUpKind[];
  readonly items: FollowUps;
  /** 0 while nothing was saved: the revision a save is based on. */
  readonly revision: number;
  /** Who saved last (in the view's people directory) and when (ms); null while nothing was saved. */
  readonly updatedBy: string | null;
  readonly updatedAt: number | null;
  /** The viewer may edit the issue, so may change them. */
  readonly canEdit: boolean;
  /** Why not, as a sentence; null when they can. */
  readonly reason: string | null;
}

/** What a save answers: the checklist as stored, and for a created corrective action, what happened. */
export interface FollowUpsSaved {
  readonly followUps: PanelFollowUps;
  readonly people: Readonly<Record<string, { readonly displayName: string; readonly avatarUrl?: string }>>;
  /** One sentence for the flag. */
  readonly message: string;
  /** For `panel.createCorrectiveAction`: the created issue, and whether linking it failed. */
  readonly created?: { readonly issueKey: string; readonly linked: boolean };
}

export type { FollowUpItem, FollowUpKind, FollowUps };
/** The follow-ups' names as every view shows them (defined once, in the domain). */
export { FOLLOW_UP_KINDS, FOLLOW_UP_LABELS } from '../domain/follow-ups';
