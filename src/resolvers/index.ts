/**
 * The one resolver function behind every Custom UI surface (panel and issue context, dashboard, settings, gadget): one key per use case, namespaced by
 * surface (`panel.get`, `settings.save`…). The keys, payload schemas and result types live in
 * `src/contract/`, which the UI imports instead of copying.
 */
import Resolver from '@forge/resolver';
import { forgeUserPorts } from '../forge/forge-ports';
import type { PortsFactory } from '../ports';
import { defineDashboardEndpoints } from './dashboard';
import { defineGadgetEndpoints } from './gadget';
import { definePanelEndpoints } from './panel';
import { defineRetrospectiveEndpoints } from './retrospective';
import { defineSettingsEndpoints } from './settings';

/** Build the handler over a ports factory; production uses the Forge adapters, tests the simulator. */
export function buildResolverHandler(portsFor: PortsFactory): ReturnType<Resolver['getDefinitions']> {
  const resolver = new Resolver();
  definePanelEndpoints(resolver, portsFor);
  defineDashboardEndpoints(resolver, portsFor);
  defineRetrospectiveEndpoints(resolver, portsFor);
  defineSettingsEndpoints(resolver, portsFor);
  defineGadgetEndpoints(resolver, portsFor);
  return resolver.getDefinitions();
}

export const handler = buildResolverHandler(forgeUserPorts);
