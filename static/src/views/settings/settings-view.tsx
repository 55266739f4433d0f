/**
 * The project settings page (`jira:projectSettingsPage`): loads the settings, shows loading and
 * error states, and hosts the form; after a save the form is rebuilt from what the server stored.
 */
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import { resolver } from '../../api/resolver';
import { PeopleProvider } from '../../components/person';
import { ErrorMessage, Loading } from '../../components/status';
import { useEnvelope } from '../../components/use-envelope';
import type { SettingsView as Settings } from '../../../../src/contract';
import type { ViewProps } from '../view-props';
import { SettingsForm } from './settings-form';
import { NO_CHOICES, useLoadedChoices } from './site-choices';

export default function SettingsView({ context }: ViewProps) {
  const loaded = useEnvelope(() => resolver.settings.get());
  // Asked alongside the settings, once per page load (the field named Severity; the form asks again for another).
  const choices = useLoadedChoices(null);
  const [saved, setSaved] = useState<Settings | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  // A fresh load (first load or "reload") replaces whatever was saved from this page.
  const fresh = loaded.state === 'ready' ? loaded.data : undefined;
  useEffect(() => setSaved(undefined), [fresh]);
  const view = saved ?? fresh;
  const projectKey = (context.extension as { project?: { key?: string } } | undefined)?.project?.key;

  return (
    <main style={{ padding: token('space.300'), maxWidth: 1040, color: token('color.text'), background: token('elevation.surface'), minHeight: '100vh', boxSizing: 'border-box' }}>
      <h1 style={{ font: token('font.heading.large'), margin: 0, marginBlockEnd: token('space.200') }}>Interrupt Budget settings{projectKey ? ` — ${projectKey}` : ''}</h1>
      {loaded.state === 'loading' || (loaded.state === 'ready' && choices === undefined) ? (
        <Loading label="Loading the project's settings…" />
      ) : loaded.state === 'error' ? (
        <ErrorMessage error={loaded.error} onRetry={loaded.reload} />
      ) : view ? (
        <PeopleProvider people={view.people}>
        <SettingsForm
          key={`${view.revision}-${generation}`}
          view={view}
          choices={choices ?? NO_CHOICES}
          {...(context.accountId ? { viewer: context.accountId } : {})}
          {...(context.siteUrl ? { siteUrl: context.siteUrl } : {})}
          {...(saved ? { savedNotice: 'All changes saved.' } : {})}
          onSaved={setSaved}
          onReload={loaded.reload}
          onDiscard={() => setGeneration((g) => g + 1)}
        />
        </PeopleProvider>
      ) : null}
    </main>
  );
}
