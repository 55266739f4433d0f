/**
 * Resolver keys of the dashboard gadget (`gadget.*`). The project comes from the gadget's saved
 * configuration in the call context (see call-context.ts), never from the payload; the user only from
 * `context.accountId`, and every Jira read acts as them.
 */
import type Resolver from '@forge/resolver';
import { gadgetProjects } from '../app/gadget/gadget-projects';
import { getGadget } from '../app/gadget/get-gadget';
import { AppError } from '../app/app-error';
import { GADGET_KEYS, gadgetGetPayloadSchema, gadgetProjectsPayloadSchema } from '../contract/gadget';
import type { PortsFactory } from '../ports';
import type { CallContext } from './call-context';
import { defineEndpoint } from './endpoint';

function configuredProject(ctx: CallContext): string {
  if (!ctx.projectKey) throw new AppError('VALIDATION', 'This gadget has no project yet. Edit the gadget and choose one.');
  return ctx.projectKey;
}

export function defineGadgetEndpoints(resolver: Resolver, portsFor: PortsFactory): void {
  defineEndpoint(resolver, GADGET_KEYS.get, gadgetGetPayloadSchema, portsFor, (_payload, ctx, ports) => getGadget(ports, configuredProject(ctx)));
  defineEndpoint(resolver, GADGET_KEYS.projects, gadgetProjectsPayloadSchema, portsFor, (_payload, _ctx, ports) => gadgetProjects(ports));
}
