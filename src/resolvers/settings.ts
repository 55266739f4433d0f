/**
 * Resolver keys of the settings surface (`settings.*`). Being built (backend issue).
 */
import type Resolver from '@forge/resolver';
import type { PortsFactory } from '../ports';

export function defineSettingsEndpoints(_resolver: Resolver, _portsFor: PortsFactory): void {
  // No keys yet.
}
