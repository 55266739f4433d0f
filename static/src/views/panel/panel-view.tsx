/** The panel surface. Being built. */
import type { ViewProps } from '../view-props';

export default function PanelView(_props: ViewProps) {
  return <p>Interrupt Budget — panel (coming soon).</p>;
}
