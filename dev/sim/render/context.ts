/** What every renderer needs: the site, the base URL `self` links point at, and the site's "now". */
import type { SiteStore } from '../site/store';

export interface RenderContext {
  readonly store: SiteStore;
  /** e.g. `http://127.0.0.1:8081`: links in responses lead back to the simulator. */
  readonly base: string;
  readonly nowMs: number;
}
