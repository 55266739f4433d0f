/**
 * Resolver keys of the dashboard surface (`dashboard.*`). Being built (backend issue).
 */
import type Resolver from '@forge/resolver';
import type { PortsFactory } from '../ports';

export function defineDashboardEndpoints(_resolver: Resolver, _portsFor: PortsFactory): void {
  // No keys yet.
}
