/** The dashboard surface. Being built. */
import type { ViewProps } from '../view-props';

export default function DashboardView(_props: ViewProps) {
  return <p>Interrupt Budget — dashboard (coming soon).</p>;
}
