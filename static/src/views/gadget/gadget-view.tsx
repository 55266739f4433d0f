/**
 * The dashboard gadget (`jira:dashboardGadget`): one project's current sprint at a glance, or — in
 * the gadget's edit mode, which Jira opens from the gadget's menu — the choice of that project. Both
 * modes start here: Jira loads the same resource for each and says which in the context.
 */
import { Suspense, lazy } from 'react';
import { Loading } from '../../components/status';
import type { ViewProps } from '../view-props';
import { gadgetContext } from './gadget-config';
import { GadgetSummary } from './gadget-summary';

// The edit mode is its own chunk: the view mode, which every dashboard
// viewer loads, does not download the form only an editor needs.
const GadgetEdit = lazy(() => import('./gadget-edit'));

export default function GadgetView({ context }: ViewProps) {
  const gadget = gadgetContext(context);
  if (!gadget.editing) return <GadgetSummary context={context} projectKey={gadget.projectKey} />;
  return (
    <Suspense fallback={<Loading label="Loading the gadget’s settings…" />}>
      <GadgetEdit current={gadget.projectKey} />
    </Suspense>
  );
}
