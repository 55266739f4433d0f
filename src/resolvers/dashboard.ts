/**
 * Resolver keys of the dashboard surface (project page): `dashboard.get` and
 * `dashboard.recordOverflow`. The project comes from the call context only; the payload's schema
 * (from the shared contract) drops anything else it carries, such as a project key.
 */
import type Resolver from '@forge/resolver';
import { recordOverflow } from '../app/dashboard/record-overflow';
import { getDashboard } from '../app/dashboard/get-dashboard';
import { DASHBOARD_KEYS, dashboardGetPayloadSchema, recordOverflowPayloadSchema } from '../contract/dashboard';
import type { PortsFactory } from '../ports';
import { requireProject } from './call-context';
import { defineEndpoint } from './endpoint';

export function defineDashboardEndpoints(resolver: Resolver, portsFor: PortsFactory): void {
  defineEndpoint(resolver, DASHBOARD_KEYS.get, dashboardGetPayloadSchema, portsFor, (payload, ctx, ports) => getDashboard(ports, requireProject(ctx), payload));
  defineEndpoint(resolver, DASHBOARD_KEYS.recordOverflow, recordOverflowPayloadSchema, portsFor, (payload, ctx, ports) =>
    recordOverflow(ports, { accountId: ctx.accountId, projectKey: requireProject(ctx) }, payload),
  );
}
