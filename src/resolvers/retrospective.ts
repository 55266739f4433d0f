/**
 * Resolver key of the retrospective (project page): `retrospective.get`. The project comes from the
 * call context only; the payload's schema (from the shared contract) drops anything else.
 */
import type Resolver from '@forge/resolver';
import { getRetrospective } from '../app/retro/get-retrospective';
import { RETROSPECTIVE_KEYS, retrospectiveGetPayloadSchema } from '../contract/retrospective';
import type { PortsFactory } from '../ports';
import { requireProject } from './call-context';
import { defineEndpoint } from './endpoint';

export function defineRetrospectiveEndpoints(resolver: Resolver, portsFor: PortsFactory): void {
  defineEndpoint(resolver, RETROSPECTIVE_KEYS.get, retrospectiveGetPayloadSchema, portsFor, (payload, ctx, ports) => getRetrospective(ports, requireProject(ctx), payload));
}
