/**
 * The site's lists the settings pickers offer (`settings.choices`, issue 12, item 7), shared with
 * every picker on the page through context rather than passed down each editor. Asked once per page
 * load, alongside the settings; asked again only when the admin picks another Severity field (its
 * options differ). Until it answers, or when it fails, the lists are empty and the pickers fall back
 * to typed values, so the page never waits on it or breaks for it.
 */
import { createContext, useContext, useEffect, useState } from 'react';
import { resolver } from '../../api/resolver';
import type { SettingsChoices } from '../../../../src/contract';

export const NO_CHOICES: SettingsChoices = {
  priorities: [],
  issueTypes: [],
  components: [],
  teamManaged: false,
  severityField: null,
  severityOptions: [],
  defaultSupportFilter: { issueTypes: [], labels: [] },
  boards: [],
  sprints: { turnOrder: [], open: [] },
  notes: [],
};

export const SiteChoicesContext = createContext<SettingsChoices>(NO_CHOICES);

export const useSiteChoices = (): SettingsChoices => useContext(SiteChoicesContext);

/** The choices for this Severity field (null: the one named Severity): `undefined` while on its way, or when not `wanted`. */
export function useLoadedChoices(severityFieldId: string | null, wanted = true): SettingsChoices | undefined {
  const [choices, setChoices] = useState<SettingsChoices | undefined>(undefined);
  useEffect(() => {
    if (!wanted) return undefined;
    let live = true;
    void resolver.settings.choices(severityFieldId).then((answer) => {
      if (!live) return;
      setChoices(answer.ok ? answer.data : { ...NO_CHOICES, notes: [`The site's lists could not be loaded (${answer.error.message}), so values are typed instead.`] });
    });
    return () => {
      live = false;
    };
  }, [severityFieldId, wanted]);
  return wanted ? choices : undefined;
}
