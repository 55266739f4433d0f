/**
 * Policy versions in storage: one immutable record per version; version 0 is the built-in default
 * policy and is never stored. A decision records the version it followed, so old versions stay.
 */
import { z } from 'zod';
import { DEFAULT_POLICY } from '../../domain/policy';
import { policySchema } from '../../domain/policy-schema';
import type { PolicyVersion } from '../../domain/policy-version';
import type { KeyValueStore, StoreWrite } from '../../ports';
import { keys } from './keys';
import { readRecord, writeRecord } from './stored-record';

const storedPolicyVersionSchema = z.object({
  schemaVersion: z.literal(1),
  version: z.number().int().min(1),
  policy: policySchema,
  createdBy: z.string(),
  createdAt: z.string(),
});

/** The default policy as version 0, for projects that never saved one. */
export const DEFAULT_POLICY_VERSION: PolicyVersion = { version: 0, policy: DEFAULT_POLICY, createdBy: 'app', createdAt: '1970-01-01T00:00:00.000Z' };

export interface LoadedPolicy {
  readonly policyVersion: PolicyVersion;
  readonly problem?: string;
}

/** The version in force (as named by the settings); falls back to the default policy, saying why. */
export async function loadPolicyVersion(store: KeyValueStore, projectKey: string, version: number): Promise<LoadedPolicy> {
  if (version === 0) return { policyVersion: DEFAULT_POLICY_VERSION };
  const { value, problem } = await readRecord(store, keys.policyVersion(projectKey, version), storedPolicyVersionSchema);
  if (value) return { policyVersion: { version: value.version, policy: value.policy, createdBy: value.createdBy, createdAt: value.createdAt } };
  return { policyVersion: DEFAULT_POLICY_VERSION, problem: problem ?? `Policy version ${version} is missing from storage; the default policy applies until an admin saves the policy again.` };
}

export async function storePolicyVersion(store: KeyValueStore, projectKey: string, policyVersion: PolicyVersion): Promise<void> {
  await writeRecord(store, keys.policyVersion(projectKey, policyVersion.version), storedPolicyVersionSchema, { schemaVersion: 1, ...policyVersion });
}

/** A new version as one create-only write of a transaction: a version is written once and never overwritten. */
export function policyVersionWrite(projectKey: string, policyVersion: PolicyVersion): StoreWrite {
  return { kind: 'set', key: keys.policyVersion(projectKey, policyVersion.version), value: storedPolicyVersionSchema.parse({ schemaVersion: 1, ...policyVersion }), ifAbsent: true };
}
