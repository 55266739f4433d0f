/**
 * A person named by account id: "you" for the viewer, otherwise their Jira display name, looked up
 * as the user through the bridge (`read:jira-user`). Where the lookup is not available (e.g. the
 * local preview) or fails, a short form of the account id is shown instead of nothing.
 */
import { requestJira } from '@forge/bridge';
import { useEffect, useState } from 'react';

const names = new Map<string, Promise<string | undefined>>();

function lookUp(accountId: string): Promise<string | undefined> {
  let found = names.get(accountId);
  if (!found) {
    found = requestJira(`/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`)
      .then(async (response) => (response.ok ? ((await response.json()) as { displayName?: string }).displayName : undefined))
      .catch(() => undefined);
    names.set(accountId, found);
  }
  return found;
}

export function shortAccount(accountId: string): string {
  const tail = accountId.split(':').pop() ?? accountId;
  return `user ${tail.slice(0, 8)}`;
}

export function Person({ accountId, viewer }: { accountId: string; viewer?: string }) {
  const [name, setName] = useState<string | undefined>();
  const isViewer = accountId === viewer;
  useEffect(() => {
    if (isViewer) return;
    let live = true;
    void lookUp(accountId).then((n) => live && setName(n));
    return () => {
      live = false;
    };
  }, [accountId, isViewer]);
  return <bdi title={accountId}>{isViewer ? 'you' : (name ?? shortAccount(accountId))}</bdi>;
}
