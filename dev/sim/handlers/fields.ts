/** `GET /rest/api/3/field`: the site's field list (the demo site's, or the scaled site's larger one), unpaged, as Jira returns it. */
import { ok, type Handler } from '../http/context';

export const getFields: Handler = (ctx) => ok(structuredClone(ctx.store.fields));
