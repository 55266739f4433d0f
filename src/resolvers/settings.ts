/**
 * Resolver keys of the settings surface (`settings.*`). The project comes only from the page context
 * and the user only from the platform's `context.accountId`; payloads (validated and stripped by the
 * contract's schemas) carry nothing but the settings, the policy draft and search text. Jira calls
 * act as the user; every key proves the user sees the project before it reads anything stored, and
 * `settings.save` additionally checks Administer Projects server-side.
 */
import type Resolver from '@forge/resolver';
import { getSettings } from '../app/settings/get-settings';
import { previewPolicy } from '../app/settings/preview-policy';
import { saveSettings } from '../app/settings/save-settings';
import { searchFields } from '../app/settings/search-fields';
import { searchUsers } from '../app/settings/search-users';
import { settingsChoices } from '../app/settings/settings-choices';
import { wipStatusOptions } from '../app/settings/wip-status-options';
import { requireProjectVisible, type Caller } from '../app/settings/admin-check';
import {
  previewPolicyPayload,
  searchFieldsPayload,
  searchUsersPayload,
  settingsChoicesPayload,
  SETTINGS_KEYS,
  settingsGetPayload,
  settingsSavePayload,
  wipStatusesPayload,
} from '../contract/settings';
import type { PortsFactory } from '../ports';
import { requireProject, type CallContext } from './call-context';
import { defineEndpoint } from './endpoint';

const callerOf = (ctx: CallContext): Caller => ({ projectKey: requireProject(ctx), accountId: ctx.accountId });

export function defineSettingsEndpoints(resolver: Resolver, portsFor: PortsFactory): void {
  defineEndpoint(resolver, SETTINGS_KEYS.get, settingsGetPayload, portsFor, (_payload, ctx, ports) => getSettings(ports, callerOf(ctx)));
  defineEndpoint(resolver, SETTINGS_KEYS.save, settingsSavePayload, portsFor, (payload, ctx, ports) => saveSettings(ports, callerOf(ctx), payload));
  // The preview and the field search read storage or site-wide lists: only for someone who sees the project.
  defineEndpoint(resolver, SETTINGS_KEYS.previewPolicy, previewPolicyPayload, portsFor, async (payload, ctx, ports) => {
    await requireProjectVisible(ports, callerOf(ctx));
    return previewPolicy(ports, requireProject(ctx), payload.policy);
  });
  defineEndpoint(resolver, SETTINGS_KEYS.searchFields, searchFieldsPayload, portsFor, async (payload, ctx, ports) => {
    await requireProjectVisible(ports, callerOf(ctx));
    return searchFields(ports.jira, payload.query);
  });
  defineEndpoint(resolver, SETTINGS_KEYS.wipStatuses, wipStatusesPayload, portsFor, async (_payload, ctx, ports) => {
    await requireProjectVisible(ports, callerOf(ctx));
    return wipStatusOptions(ports, requireProject(ctx));
  });
  defineEndpoint(resolver, SETTINGS_KEYS.searchUsers, searchUsersPayload, portsFor, (payload, ctx, ports) =>
    searchUsers(ports.jira, requireProject(ctx), payload.query),
  );
  // The pickers' lists (issue 12, item 7): read as the user, for someone who sees the project.
  defineEndpoint(resolver, SETTINGS_KEYS.choices, settingsChoicesPayload, portsFor, async (payload, ctx, ports) => {
    await requireProjectVisible(ports, callerOf(ctx));
    return settingsChoices(ports, requireProject(ctx), payload.severityFieldId);
  });
}
