/**
 * Storing the edited policy: a new immutable version only when it differs from the one in force
 * (saving other settings piles up no empty versions), and never over an existing version, even when
 * the settings record that points at the latest one was lost and replaced by defaults.
 */
import { nextPolicyVersion, type PolicyVersion } from '../../domain/policy-version';
import type { Policy } from '../../domain/policy';
import type { KeyValueStore } from '../../ports';
import { keys } from '../storage/keys';
import { storePolicyVersion } from '../storage/policy-versions';

async function highestStoredVersion(store: KeyValueStore, projectKey: string): Promise<number> {
  const prefix = keys.policyVersions(projectKey);
  const versions = (await store.list(prefix)).map((e) => Number(e.key.slice(prefix.length))).filter(Number.isInteger);
  return Math.max(0, ...versions);
}

/** The version in force after saving `draft` on top of `inForce`. */
export async function savePolicyVersion(
  store: KeyValueStore,
  projectKey: string,
  inForce: PolicyVersion,
  draft: Policy,
  by: { accountId: string; at: Date },
): Promise<PolicyVersion> {
  let next = nextPolicyVersion(inForce, draft, by);
  if (next === inForce) return inForce;
  // Normally one read that finds nothing; a listing only when the settings had lost track.
  if ((await store.get(keys.policyVersion(projectKey, next.version))) !== undefined) {
    next = { ...next, version: (await highestStoredVersion(store, projectKey)) + 1 };
  }
  await storePolicyVersion(store, projectKey, next);
  return next;
}
