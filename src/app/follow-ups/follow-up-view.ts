/**
 * The follow-ups as the panel shows them (contract/follow-ups.ts), from the stored record, the kinds
 * the team uses and whether the viewer may edit the issue; and the CONFLICT sentence for a save that
 * someone else's save beat, naming who and when (as the settings' conflict does).
 */
import type { PanelFollowUps } from '../../contract/follow-ups';
import type { FollowUpKind } from '../../domain/follow-ups';
import type { Ports } from '../../ports';
import { AppError } from '../app-error';
import { peopleDirectory } from '../people/people-directory';
import { plainTime } from '../settings/settings-conflict';
import type { FollowUpRecord } from '../storage/follow-ups';

export function followUpsView(record: FollowUpRecord | undefined, kinds: readonly FollowUpKind[], canEdit: boolean, projectKey: string): PanelFollowUps {
  return {
    kinds: [...kinds],
    items: record?.items ?? {},
    revision: record?.revision ?? 0,
    updatedBy: record?.updatedBy ?? null,
    updatedAt: record?.updatedAt ?? null,
    canEdit,
    reason: canEdit ? null : `Recording follow-ups needs the Edit Issues permission in ${projectKey}. Ask a project admin for it, or ask someone who may edit this ticket.`,
  };
}

/** "Alex Doe saved these follow-ups on 23 November 2026 at 09:05 (Europe/Berlin), after …": what to do next included. */
export async function followUpsConflict(ports: Ports, accountId: string, current: FollowUpRecord | undefined, timeZone: string): Promise<AppError> {
  if (!current) return new AppError('CONFLICT', 'Someone else saved these follow-ups after the panel loaded them. Reload the page to see what was saved, then make your changes again.');
  const who = current.updatedBy === accountId ? 'You' : ((await peopleDirectory(ports, [current.updatedBy])).people[current.updatedBy]?.displayName ?? 'Someone');
  const where = who === 'You' ? ' in another tab or window' : '';
  const when = plainTime(new Date(current.updatedAt).toISOString(), timeZone);
  return new AppError('CONFLICT', `${who} saved these follow-ups${where} on ${when}, after the panel loaded them. Reload the page to see what was saved, then make your changes again.`);
}
