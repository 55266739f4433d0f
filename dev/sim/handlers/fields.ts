/** `GET /rest/api/3/field`: the site's field list, unpaged, as Jira returns it. */
import { ok, type Handler } from '../http/context';
import { SITE_FIELDS } from '../site/fields';

export const getFields: Handler = () => ok(structuredClone(SITE_FIELDS));
