import type { FullContext } from '@forge/bridge';

/** Every view gets the Forge context (moduleKey, extension, theme, siteUrl…) for display only: never for authorization. */
export interface ViewProps {
  readonly context: FullContext;
}
