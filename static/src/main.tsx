/**
 * Entry point of the one Custom UI bundle. The view follows `context.moduleKey` (manifest.yml), and
 * each view is its own chunk, loaded on demand. The issue panel and the issue context share one view.
 *
 * The theme is Jira's, through one mechanism only: `view.theme.enable()`. Jira then puts its theme's
 * design tokens on the page (`<style data-theme>` and `data-color-mode` on `<html>`) and keeps them in
 * step when the user switches theme (https://developer.atlassian.com/platform/forge/design-tokens-and-theming/).
 * The app never sets a theme itself: `context.theme` is a snapshot taken when the frame opened, and
 * applying it as well would race Jira's own (whichever finished last won) and undo a later switch.
 */
import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { Loading } from './components/status';

// The issue context (right-hand column) is the panel's own view, not a second one: one lazy chunk for both.
const TriageView = lazy(() => import('./views/panel/panel-view'));

const VIEWS = {
  'triage-panel': TriageView,
  'triage-context': TriageView,
  'budget-gadget': lazy(() => import('./views/gadget/gadget-view')),
  'budget-dashboard': lazy(() => import('./views/dashboard/dashboard-view')),
  'budget-settings': lazy(() => import('./views/settings/settings-view')),
} as const;

async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  let context: Awaited<ReturnType<typeof view.getContext>>;
  try {
    context = await view.getContext();
  } catch {
    root.render(<p role="alert">Interrupt Budget runs inside Jira. Open it from an issue or a project.</p>);
    return;
  }
  // Before the first render, so the tokens are on the page when the view paints. Should the host
  // refuse, the tokens' built-in fallback values (the light theme) still apply.
  await view.theme.enable().catch(() => undefined);
  const View = VIEWS[context.moduleKey as keyof typeof VIEWS];
  root.render(
    <StrictMode>
      {View ? (
        <Suspense fallback={<Loading label="Loading Interrupt Budget…" />}>
          <View context={context} />
        </Suspense>
      ) : (
        <p role="alert">This page of Interrupt Budget ({context.moduleKey}) does not exist. Reinstall the app.</p>
      )}
    </StrictMode>,
  );
}

void boot();
