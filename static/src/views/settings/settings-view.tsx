/** The settings surface. Being built. */
import type { ViewProps } from '../view-props';

export default function SettingsView(_props: ViewProps) {
  return <p>Interrupt Budget — settings (coming soon).</p>;
}
