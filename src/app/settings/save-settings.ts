/**
 * `settings.save`: only a project admin (checked with Jira, server-side), only on top of the revision
 * the page showed (optimistic concurrency: a save based on older settings is refused with CONFLICT,
 * naming who saved in between and when), the policy as a new immutable version when it changed, and
 * the project registered so the hourly rollup includes it.
 *
 * Two saves at the same moment (two admins, two tabs) cannot both win. The revision is claimed first
 * with a create-only set (`settings-revision:<PROJECT>:<N>`, who and when; `keyPolicy:
 * 'FAIL_IF_EXISTS'`, atomic in Forge KVS): two saves from the same base revision both try to create
 * claim N, and exactly one can. Only the winner then writes, in one all-or-nothing transaction
 * (`kvs.transact()`, ≤ 25 operations, each key once:
 * https://developer.atlassian.com/platform/forge/storage-reference/transactions/):
 * - the new policy version when the policy changed (numbered past every stored version, so never
 *   an overwrite: only a claim's winner writes one);
 * - the settings record with revision N, pointing at that version;
 * - the same revision kept as history (`settings-at:<PROJECT>:<N>`), so every sprint can be measured
 *   with the settings of its own time, whatever is saved later (sprint/settings-in-force.ts);
 * - the project's registration, when it has none yet (a plain set: a dashboard view may register
 *   the project at the same time, and the two write the same thing).
 * The transaction holds plain sets only: Forge documents conditions on transactions for custom
 * entities, not for plain keys, so the claim that decides the race is a standalone create-only set.
 * Settings never point at a missing version. The loser writes nothing; it re-reads the settings and
 * answers CONFLICT naming who saved and when. Reading the settings first still refuses a save from an
 * older revision without trying. A winner that fails before its transaction leaves a claim with no
 * settings behind it; the next save finds nobody saved since and numbers past it.
 *
 * What accumulates: one claim per successful save (about 100 bytes), kept like the policy versions
 * are. It grows with admins' saves, not with traffic (10,000 saves ≈ 1 MB), and doubles as a record
 * of who saved which revision. Claims are not pruned because a missing claim cannot be told from one
 * never made: if the save of revision N deleted claim N−1, a save that read revision N−2 and
 * committed after those two saves would create claim N−1 again and put revision N−1 back over N.
 */
import type { SettingsView } from '../../contract/settings';
import type { Policy } from '../../domain/policy';
import type { Ports, StoreWrite } from '../../ports';
import { AppError } from '../app-error';
import { loadPolicyVersion } from '../storage/policy-versions';
import { ABANDONED_CLAIM_MS } from '../storage/revision-claims';
import { highestClaimedRevision, loadSettings, settingsHistoryWrite, settingsRevisionClaim, settingsRevisionSchema, settingsWrite, type LoadedSettings } from '../storage/settings-repository';
import { boardSprints } from '../storage/board-sprints';
import { projectRegistry } from '../storage/sprint-records';
import { checkBoardChoice } from './board-choice';
import { requireProjectAdmin, type Caller } from './admin-check';
import { SETTINGS_SCHEMA_VERSION, type EditableSettings } from './project-settings';
import { planPolicyVersion } from './save-policy-version';
import { settingsConflict } from './settings-conflict';
import { settingsView, withPeople } from './settings-view';

export interface SettingsChange {
  readonly settings: EditableSettings;
  readonly policy: Policy;
  readonly baseRevision: number;
}

/** The write as a plain set: inside a transaction (see the file comment). */
const plainSet = (write: StoreWrite): StoreWrite => (write.kind === 'set' ? { kind: 'set', key: write.key, value: write.value } : write);

/** A lost claim is retried only when nobody saved in between (a number already taken); a few times at most. */
const ATTEMPTS = 3;

/** Has someone saved the settings since `before` was read? */
const savedSince = (before: LoadedSettings, now: LoadedSettings): boolean =>
  now.isDefault !== before.isDefault || now.settings.revision !== before.settings.revision || now.settings.updatedAt !== before.settings.updatedAt;

export async function saveSettings(ports: Ports, caller: Caller, change: SettingsChange): Promise<SettingsView> {
  const { projectKey, accountId } = caller;
  await requireProjectAdmin(ports, caller);
  const { store } = ports;
  const [loaded, registered] = await Promise.all([loadSettings(store, projectKey), projectRegistry.isRegistered(store, projectKey)]);
  const current = loaded.settings;
  if (change.baseRevision !== current.revision) throw await settingsConflict(ports, projectKey, accountId, current);
  const boardChanged = await checkBoardChoice(ports, projectKey, current.boardId, change.settings.boardId);

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
    const claim = settingsRevisionClaim(projectKey, { schemaVersion: 1, revision, savedBy: accountId, savedAt: at.toISOString() });
    if ((await store.setIfAbsent(claim.key, claim.value)).ok) {
      const written = await store.transact([
        ...(plan.write ? [plainSet(plan.write)] : []),
        settings.write,
        settingsHistoryWrite(projectKey, settings.saved),
        ...(registered ? [] : [projectRegistry.write(projectKey, at.getTime())]),
      ]);
      if (!written.ok) throw new Error(`settings.save: a transaction of plain sets was refused as conflicting (${written.key ?? 'no key named'})`);
      // The stored board and sprints are the old board's: the next view reads the chosen one.
      if (boardChanged) await boardSprints.forget(ports, projectKey);
      return withPeople(ports, settingsView(projectKey, { settings: settings.saved, isDefault: false }, { policyVersion: plan.policyVersion }, true));
    }

    // Nothing was written. Usually someone else's save took this revision first: say who and when.
    const now = await loadSettings(store, projectKey);
    if (savedSince(loaded, now)) throw await settingsConflict(ports, projectKey, accountId, now.settings);
    // Nobody's settings yet at this revision: the newest claim's owner may still be writing them (its
    // claim and its transaction are two KVS calls). A conflict, never a second winner, unless the claim
    // is old enough to be a save that died (storage/revision-claims.ts).
    const highest = await highestClaimedRevision(store, projectKey);
    const taken = settingsRevisionSchema.safeParse(await store.get(claim.key));
    if (taken.success && highest <= revision && at.getTime() - Date.parse(taken.data.savedAt) < ABANDONED_CLAIM_MS) {
      throw new AppError('CONFLICT', 'Someone else is saving these settings at this moment. Reload the page in a few seconds to see what they saved, then make your changes again.');
    }
    // Nobody saved, yet a number is taken (a claim or version left from before the record was lost):
    // plan again past everything stored.
    if (attempt >= ATTEMPTS) {
      throw new AppError('CONFLICT', 'Interrupt Budget could not save these settings because storage kept finding their revision already taken. Reload the page, then save again.');
    }
    revision = Math.max(revision + 1, highest + 1);
  }
}
