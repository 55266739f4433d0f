/**
 * Resolver keys of the dashboard surface (project page): `dashboard.get`,
 * `dashboard.recordOverflow`, and planning's `dashboard.canAdopt` and `dashboard.adoptAllocation`. The project comes from the call context only; the payload's schema
 * (from the shared contract) drops anything else it carries, such as a project key.
 */
import type Resolver from '@forge/resolver';
import { recordOverflow } from '../app/dashboard/record-overflow';
import { getDashboard } from '../app/dashboard/get-dashboard';
import { adoptAllocation, canAdopt } from '../app/planning/adopt-allocation';
import { DASHBOARD_KEYS, dashboardGetPayloadSchema, recordOverflowPayloadSchema } from '../contract/dashboard';
import { PLANNING_KEYS, adoptAllocationPayloadSchema, canAdoptPayloadSchema } from '../contract/planning';
import type { PortsFactory } from '../ports';
import { requireProject } from './call-context';
import { defineEndpoint } from './endpoint';

export function defineDashboardEndpoints(resolver: Resolver, portsFor: PortsFactory): void {
  defineEndpoint(resolver, DASHBOARD_KEYS.get, dashboardGetPayloadSchema, portsFor, (payload, ctx, ports) => getDashboard(ports, requireProject(ctx), payload));
  defineEndpoint(resolver, DASHBOARD_KEYS.recordOverflow, recordOverflowPayloadSchema, portsFor, (payload, ctx, ports) =>
    recordOverflow(ports, { accountId: ctx.accountId, projectKey: requireProject(ctx) }, payload),
  );
  defineEndpoint(resolver, PLANNING_KEYS.canAdopt, canAdoptPayloadSchema, portsFor, (_payload, ctx, ports) => canAdopt(ports, { accountId: ctx.accountId, projectKey: requireProject(ctx) }));
  defineEndpoint(resolver, PLANNING_KEYS.adoptAllocation, adoptAllocationPayloadSchema, portsFor, (payload, ctx, ports) =>
    adoptAllocation(ports, { accountId: ctx.accountId, projectKey: requireProject(ctx) }, payload),
  );
}
