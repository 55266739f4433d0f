/**
 * What the gadget's Forge context says about it: whether Jira opened its edit mode
 * (`extension.entryPoint === 'edit'`) and which project its saved configuration names
 * (`extension.gadgetConfiguration.projectKey`, what the edit mode submitted). Read for display only:
 * the resolver reads the same configuration from the call context and proves access as the user.
 */
import type { FullContext } from '@forge/bridge';

const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,49}$/;

export interface GadgetContext {
  readonly editing: boolean;
  /** The configured project, or undefined when the gadget has not been set up yet. */
  readonly projectKey: string | undefined;
}

export function gadgetContext(context: FullContext): GadgetContext {
  const extension = (context.extension ?? {}) as { entryPoint?: unknown; gadgetConfiguration?: { projectKey?: unknown } | null };
  const key = extension.gadgetConfiguration?.projectKey;
  return { editing: extension.entryPoint === 'edit', projectKey: typeof key === 'string' && PROJECT_KEY.test(key) ? key : undefined };
}
