/**
 * A person named by account id, the way Jira shows people: avatar and display name, "you" for the
 * viewer, "Former user" for a deleted or hidden account. Names come from the view's people
 * directory (the resolver fills it for every account id the view contains: src/contract/people.ts),
 * handed down by `PeopleProvider`, so nothing is looked up per person and no account id is ever
 * shown as text — not even as a tooltip.
 */
import Avatar from '@atlaskit/avatar';
import { token } from '@atlaskit/tokens';
import { createContext, useContext, type ReactNode } from 'react';
import type { PeopleDirectory, PersonView } from '../../../src/contract';

const PeopleContext = createContext<PeopleDirectory>({});

/** The people directory of the view below it. */
export function PeopleProvider({ people, children }: { people: PeopleDirectory | undefined; children: ReactNode }) {
  return <PeopleContext.Provider value={people ?? {}}>{children}</PeopleContext.Provider>;
}

/** The directory of the view being drawn (e.g. for a picker showing chosen people). */
export function usePeople(): PeopleDirectory {
  return useContext(PeopleContext);
}

/** Said for someone the directory lacks (Jira could not be asked just now): never their id. */
export const UNKNOWN_PERSON = 'someone';

/** The words for a person: "you", their name, "Former user", or "someone". */
export function personName(person: PersonView | undefined, isViewer: boolean): string {
  if (isViewer) return 'you';
  return person?.displayName ?? UNKNOWN_PERSON;
}

/** `size`: `small` (24 px) on its own line, `xxsmall` (16 px) inside a sentence. */
export function Person({ accountId, viewer, avatar = true, size = 'small' }: { accountId: string; viewer?: string; avatar?: boolean; size?: 'small' | 'xxsmall' }) {
  const person = usePeople()[accountId];
  const isViewer = accountId === viewer;
  const name = personName(person, isViewer);
  return (
    <span data-person="" style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050'), verticalAlign: 'middle', maxWidth: '100%' }}>
      {avatar ? (
        // Decorative: the name is right beside it (given no `name`, the avatar adds no hidden text of its own).
        <span aria-hidden="true" style={{ display: 'inline-flex', flexShrink: 0 }}>
          <Avatar size={size} src={person?.former ? undefined : person?.avatarUrl} borderColor="transparent" />
        </span>
      ) : null}
      <bdi style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{name}</bdi>
    </span>
  );
}
