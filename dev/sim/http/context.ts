/** What a REST handler gets for one request, and what it answers. */
import type { FaultController } from '../faults/controller';
import type { RenderContext } from '../render/context';
import type { SiteUser } from '../site/model';
import type { SiteStore } from '../site/store';
import type { SimOperationId } from './operations';

export interface RequestContext {
  readonly operationId: SimOperationId;
  readonly method: string;
  readonly path: string;
  /** Path template values, e.g. `{issueIdOrKey: 'SUP-12'}`. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** Parsed JSON body (undefined when there was none). */
  readonly body: unknown;
  readonly user: SiteUser;
  readonly store: SiteStore;
  readonly render: RenderContext;
  readonly faults: FaultController;
}

export interface Reply {
  readonly status: number;
  /** Omitted for 204. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export type Handler = (ctx: RequestContext) => Reply;

export const ok = (body: unknown, status = 200): Reply => ({ status, body });
export const noContent = (): Reply => ({ status: 204 });
