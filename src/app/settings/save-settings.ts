/**
 * `settings.save`: only a project admin (checked with Jira, server-side), only on top of the revision
 * the page showed (optimistic concurrency: a save based on older settings is refused with CONFLICT,
 * naming who saved in between and when), the policy as a new immutable version when it changed, and
 * the project registered so the hourly rollup includes it.
 *
 * Two saves at the same moment (two admins, two tabs) cannot both win. KVS has compare-and-set for
 * plain keys in two forms — create-only sets (`keyPolicy: 'FAIL_IF_EXISTS'`) and all-or-nothing
 * transactions (`kvs.transact()`, ≤ 25 operations, each key once:
 * https://developer.atlassian.com/platform/forge/storage-reference/transactions/) — and a save is
 * one transaction of:
 * - a create-only claim on the new revision (`settings-revision:<PROJECT>:<N>`, who and when): two
 *   saves from the same base revision both try to create claim N, and exactly one can;
 * - the new policy version when the policy changed, create-only: version N is written once, never
 *   overwritten;
 * - the settings record with revision N, pointing at that version;
 * - the project's registration, when it has none yet (a plain set: a dashboard view may register
 *   the project at the same time, and the two write the same thing).
 * Nothing is ever stored half: settings never point at a missing version. The loser's transaction
 * changes nothing; it re-reads the settings and answers CONFLICT naming who saved and when. Reading
 * the settings first still refuses a save from an older revision without trying.
 *
 * What accumulates: one claim per successful save (about 100 bytes), kept like the policy versions
 * are. It grows with admins' saves, not with traffic (10,000 saves ≈ 1 MB), and doubles as a record
 * of who saved which revision. Claims are not pruned because a missing claim cannot be told from one
 * never made: if the save of revision N deleted claim N−1, a save that read revision N−2 and
 * committed after those two saves would create claim N−1 again and put revision N−1 back over N.
 */
import type { SettingsView } from '../../contract/settings';
import type { Policy } from '../../domain/policy';
import type { Ports } from '../../ports';
import { AppError } from '../app-error';
import { conditionalWrites } from '../storage/conditional-writes';
import { loadPolicyVersion } from '../storage/policy-versions';
import { highestClaimedRevision, loadSettings, settingsRevisionClaim, settingsWrite, type LoadedSettings } from '../storage/settings-repository';
import { projectRegistry } from '../storage/sprint-records';
import { requireProjectAdmin, type Caller } from './admin-check';
import { SETTINGS_SCHEMA_VERSION, type EditableSettings } from './project-settings';
import { planPolicyVersion } from './save-policy-version';
import { settingsConflict } from './settings-conflict';
import { settingsView } from './settings-view';

export interface SettingsChange {
  readonly settings: EditableSettings;
  readonly policy: Policy;
  readonly baseRevision: number;
}

/** A failed transaction is retried only when nobody saved in between (a number already taken); a few times at most. */
const ATTEMPTS = 3;

/** Has someone saved the settings since `before` was read? */
const savedSince = (before: LoadedSettings, now: LoadedSettings): boolean =>
  now.isDefault !== before.isDefault || now.settings.revision !== before.settings.revision || now.settings.updatedAt !== before.settings.updatedAt;

export async function saveSettings(ports: Ports, caller: Caller, change: SettingsChange): Promise<SettingsView> {
  const { projectKey, accountId } = caller;
  await requireProjectAdmin(ports, caller);
  const { store } = ports;
  const { transact } = conditionalWrites(store);
  const [loaded, registered] = await Promise.all([loadSettings(store, projectKey), projectRegistry.isRegistered(store, projectKey)]);
  const current = loaded.settings;
  if (change.baseRevision !== current.revision) throw await settingsConflict(ports, projectKey, accountId, current);

  const at = new Date(ports.clock.now());
  const inForce = (await loadPolicyVersion(store, projectKey, current.policyVersion)).policyVersion;
  // Without a stored record (never saved, or damaged and shown as defaults) the numbering goes on
  // after the last revision ever claimed, so the claim is a fresh one.
  let revision = current.revision + 1;
  if (loaded.isDefault) revision = Math.max(revision, (await highestClaimedRevision(store, projectKey)) + 1);

  for (let attempt = 1; ; attempt++) {
    const plan = await planPolicyVersion(store, projectKey, inForce, change.policy, { accountId, at });
    const settings = settingsWrite(projectKey, {
      ...change.settings,
      schemaVersion: SETTINGS_SCHEMA_VERSION,
      revision,
      policyVersion: plan.policyVersion.version,
      updatedBy: accountId,
      updatedAt: at.toISOString(),
    });
    const result = await transact([
      settingsRevisionClaim(projectKey, { schemaVersion: 1, revision, savedBy: accountId, savedAt: at.toISOString() }),
      ...(plan.write ? [plan.write] : []),
      settings.write,
      ...(registered ? [] : [projectRegistry.write(projectKey, at.getTime())]),
    ]);
    if (result.ok) return settingsView(projectKey, { settings: settings.saved, isDefault: false }, { policyVersion: plan.policyVersion }, true);

    // Nothing was written. Usually someone else's save took this revision first: say who and when.
    const now = await loadSettings(store, projectKey);
    if (savedSince(loaded, now)) throw await settingsConflict(ports, projectKey, accountId, now.settings);
    // Nobody saved, yet a number is taken (a claim or version left from before the record was lost):
    // plan again past everything stored.
    if (attempt >= ATTEMPTS) {
      throw new AppError('CONFLICT', 'Interrupt Budget could not save these settings because storage kept finding their revision already taken. Reload the page, then save again.');
    }
    revision = Math.max(revision + 1, (await highestClaimedRevision(store, projectKey)) + 1);
  }
}
