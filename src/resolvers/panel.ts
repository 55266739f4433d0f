/**
 * Resolver keys of the issue panel (`panel.*`). The issue comes from the Jira context only (the
 * payload schemas drop anything else) and the user only from `context.accountId`; access is proven
 * by Jira itself, since every call acts as the user and an issue they cannot see is a 404.
 */
import type Resolver from '@forge/resolver';
import { applyDecision } from '../app/decision/apply-decision';
import { createCorrectiveAction } from '../app/follow-ups/create-corrective-action';
import { setFollowUps } from '../app/follow-ups/set-follow-ups';
import { getPanel } from '../app/panel/get-panel';
import { getPanelBudget } from '../app/panel/get-panel-budget';
import { createCorrectiveActionPayloadSchema, setFollowUpsPayloadSchema } from '../contract/follow-ups';
import { applyDecisionPayloadSchema, PANEL_KEYS, panelBudgetPayloadSchema, panelGetPayloadSchema } from '../contract/panel';
import type { PortsFactory } from '../ports';
import { requireIssue, requireProject, type CallContext } from './call-context';
import { defineEndpoint } from './endpoint';

const targetOf = (ctx: CallContext) => ({ issueKey: requireIssue(ctx), projectKey: requireProject(ctx), accountId: ctx.accountId });

export function definePanelEndpoints(resolver: Resolver, portsFor: PortsFactory): void {
  defineEndpoint(resolver, PANEL_KEYS.get, panelGetPayloadSchema, portsFor, (_payload, ctx, ports) => getPanel(ports, targetOf(ctx)));
  defineEndpoint(resolver, PANEL_KEYS.budget, panelBudgetPayloadSchema, portsFor, (_payload, ctx, ports) => getPanelBudget(ports, targetOf(ctx)));
  defineEndpoint(resolver, PANEL_KEYS.applyDecision, applyDecisionPayloadSchema, portsFor, (payload, ctx, ports) =>
    applyDecision(ports, targetOf(ctx), payload),
  );
  defineEndpoint(resolver, PANEL_KEYS.setFollowUps, setFollowUpsPayloadSchema, portsFor, (payload, ctx, ports) => setFollowUps(ports, targetOf(ctx), payload));
  defineEndpoint(resolver, PANEL_KEYS.createCorrectiveAction, createCorrectiveActionPayloadSchema, portsFor, (payload, ctx, ports) =>
    createCorrectiveAction(ports, targetOf(ctx), payload),
  );
}
