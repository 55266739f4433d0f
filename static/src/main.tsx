/**
 * Entry point of the one Custom UI bundle. The view follows `context.moduleKey` (manifest.yml), and
 * each view is its own chunk, loaded on demand. The theme follows Jira's (light or dark).
 */
import '@atlaskit/css-reset';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import { view } from '@forge/bridge';
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { Loading } from './components/status';

const VIEWS = {
  'triage-panel': lazy(() => import('./views/panel/panel-view')),
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
  const colorMode = (context.theme as { colorMode?: 'light' | 'dark' } | undefined)?.colorMode ?? 'light';
  await Promise.allSettled([view.theme.enable(), setGlobalTheme({ colorMode })]);
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
