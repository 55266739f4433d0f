/**
 * Policy versions: every saved change to a project's policy is a new immutable version, so a recorded
 * decision can always say which policy it followed, and a retrospective can compare them.
 */
import type { Policy } from './policy';

export interface PolicyVersion {
  /** 1 for the first saved policy, then +1 per change. */
  readonly version: number;
  readonly policy: Policy;
  readonly createdBy: string;
  /** ISO-8601 instant. */
  readonly createdAt: string;
}

/** JSON with object keys sorted, so two equal policies serialise the same whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Structural equality of two policies (rule order matters: it decides the verdict). */
export function samePolicy(a: Policy, b: Policy): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * The version to store when `draft` is saved on top of `latest`. Saving an unchanged policy returns
 * `latest` itself: no empty versions pile up.
 */
export function nextPolicyVersion(
  latest: PolicyVersion | null,
  draft: Policy,
  by: { accountId: string; at: Date },
): PolicyVersion {
  if (latest && samePolicy(latest.policy, draft)) return latest;
  return {
    version: (latest?.version ?? 0) + 1,
    policy: draft,
    createdBy: by.accountId,
    createdAt: by.at.toISOString(),
  };
}
