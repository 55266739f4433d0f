/**
 * Resolver keys of the panel surface (`panel.*`). Being built (backend issue).
 */
import type Resolver from '@forge/resolver';
import type { PortsFactory } from '../ports';

export function definePanelEndpoints(_resolver: Resolver, _portsFor: PortsFactory): void {
  // No keys yet.
}
