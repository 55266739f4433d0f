/**
 * The edited policy as the save will store it: a new immutable version only when it differs from the
 * one in force (saving other settings piles up no empty versions), numbered past every stored
 * version, even when the settings record that points at the latest one was lost and replaced by
 * defaults. The version is written by the save's transaction, create-only: a version is never
 * overwritten, and two saves that picked the same number cannot both succeed.
 */
import { nextPolicyVersion, type PolicyVersion } from '../../domain/policy-version';
import type { Policy } from '../../domain/policy';
import type { KeyValueStore, StoreWrite } from '../../ports';
import { keys } from '../storage/keys';
import { policyVersionWrite } from '../storage/policy-versions';

async function highestStoredVersion(store: KeyValueStore, projectKey: string): Promise<number> {
  const prefix = keys.policyVersions(projectKey);
  const versions = (await store.list(prefix)).map((e) => Number(e.key.slice(prefix.length))).filter(Number.isInteger);
  return Math.max(0, ...versions);
}

export interface PolicyVersionPlan {
  /** The version in force after the save. */
  readonly policyVersion: PolicyVersion;
  /** The create-only write of a new version; absent when the policy did not change. */
  readonly write?: StoreWrite;
}

/** The version in force after saving `draft` on top of `inForce`, and what to write for it. */
export async function planPolicyVersion(
  store: KeyValueStore,
  projectKey: string,
  inForce: PolicyVersion,
  draft: Policy,
  by: { accountId: string; at: Date },
): Promise<PolicyVersionPlan> {
  let next = nextPolicyVersion(inForce, draft, by);
  if (next === inForce) return { policyVersion: inForce };
  // Normally one read that finds nothing; a listing only when the settings had lost track.
  if ((await store.get(keys.policyVersion(projectKey, next.version))) !== undefined) {
    next = { ...next, version: (await highestStoredVersion(store, projectKey)) + 1 };
  }
  return { policyVersion: next, write: policyVersionWrite(projectKey, next) };
}
