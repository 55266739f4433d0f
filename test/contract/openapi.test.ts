/**
 * The toolkit's foundations: it reads the full, pinned specs; every operation the app uses is in them, where
 * `JIRA_OPERATIONS` says, and still alive; removal is detected; and every override in contract-overrides.ts
 * still fills a real hole (so one that a spec update makes unnecessary fails here and gets deleted).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JIRA_OPERATIONS, type OperationId } from '../../src/jira/operations';
import {
  COMPONENT_OVERRIDES,
  QUERY_PARAMETER_OVERRIDES,
  REQUEST_BODY_OVERRIDES,
  RESPONSE_OVERRIDES,
} from './contract-overrides';
import { validateHttpRequest, validateHttpResponse } from './http';
import { type OasSchema } from './oas-types';
import { specOperation, validateRequest, validateResponse } from './openapi';
import { loadSpec, SPEC_FILES, SPEC_NAMES, specDir, specFilePath } from './spec-files';
import { isRemoved, operationsOf } from './spec-operations';

describe('the spec files', () => {
  it('are the full documents pinned in shared/jira-openapi/README.md (sha256), not the subsets', () => {
    const readme = readFileSync(join(specDir(), 'README.md'), 'utf8');
    for (const name of SPEC_NAMES) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${SPEC_FILES[name]}\``));
      const pinned = row?.match(/`([0-9a-f]{64})`/)?.[1];
      expect(pinned).toBeDefined();
      expect(createHash('sha256').update(readFileSync(specFilePath(name))).digest('hex')).toBe(pinned);
    }
    expect(Object.keys(loadSpec('platform').paths)).toHaveLength(420);
    expect(Object.keys(loadSpec('software').paths)).toHaveLength(78);
  });
});

describe('specOperation', () => {
  const appOperations = Object.entries(JIRA_OPERATIONS) as [OperationId, (typeof JIRA_OPERATIONS)[OperationId]][];

  it.each(appOperations)('%s is in the %s spec as declared, and neither removed nor deprecated', (id, declared) => {
    const op = specOperation(id);
    expect({ method: op.method, path: op.path, spec: op.spec }).toEqual({ method: declared.method, path: declared.path, spec: declared.spec });
    expect({ removed: op.removed, deprecated: op.deprecated }).toEqual({ removed: false, deprecated: false });
  });

  it('reports the old /rest/api/3/search (GET and POST) as removed and deprecated, with the changelog entry', () => {
    for (const id of ['searchForIssuesUsingJql', 'searchForIssuesUsingJqlPost']) {
      const op = specOperation(id);
      expect(op).toMatchObject({ path: '/rest/api/3/search', spec: 'platform', deprecated: true, removed: true });
      expect(op.changes).toContainEqual(expect.objectContaining({ type: 'removed', details: expect.stringContaining('CHANGE-2046') }));
    }
  });

  it('detects removal from the wording alone, and only when it is about the endpoint', () => {
    const { 'x-changes': _changes, ...withoutChanges } = specOperation('searchForIssuesUsingJqlPost').raw;
    expect(isRemoved(withoutChanges)).toBe(true); // "Currently being removed." / "Endpoint is currently being removed."
    expect(specOperation('removeAssociations').removed).toBe(false); // "…the field association has been removed…"
    expect(specOperation('getIssuesForSprint').deprecated).toBe(true); // deprecated, replaced, but not removed
    expect(specOperation('getIssuesForSprint').removed).toBe(false);
  });

  it('never calls a live operation removed on the strength of its wording', () => {
    const wordingOnly = SPEC_NAMES.flatMap((spec) => [...operationsOf(spec).values()])
      .filter((op) => op.removed && !op.changes.some((c) => c.type === 'removed'))
      .filter((op) => !op.deprecated);
    expect(wordingOnly.map((op) => op.operationId)).toEqual([]);
  });

  it('throws a clear error for a missing operationId, and for one that both specs define', () => {
    expect(() => specOperation('getIsue')).toThrow('operationId "getIsue" is not in either Jira spec');
    expect(() => specOperation('getIssue', undefined)).not.toThrow(); // the app's getIssue: platform, via JIRA_OPERATIONS
    expect(specOperation('getIssue', 'software').path).toBe('/rest/agile/1.0/issue/{issueIdOrKey}');
    expect(() => specOperation('getSprint', 'platform')).toThrow('operationId "getSprint" is not in the platform spec');
  });
});

describe('every app operation is fully checkable', () => {
  it.each(Object.keys(JIRA_OPERATIONS))('%s: every declared status compiles to a validator (no "add an override" surprise)', (id) => {
    for (const status of Object.keys(specOperation(id).responses)) {
      if (!/^\d{3}$/.test(status)) continue;
      expect(() => validateResponse(id, Number(status), undefined)).not.toThrow();
    }
    expect(() => validateRequest(id, {})).not.toThrow();
  });
});

describe('contract-overrides.ts: every override still fills a real hole', () => {
  const schemaOf = (spec: 'platform' | 'software', id: string, status: string): OasSchema | undefined =>
    specOperation(id, spec).responses[status]?.content?.['application/json']?.schema;

  it('response overrides: sprints still have no schema, board location is still the create-board shape, field-context errors only examples', () => {
    expect(Object.keys(RESPONSE_OVERRIDES).sort()).toEqual(['platform/getCreateIssueMetaIssueTypeId', 'software/getAllSprints', 'software/getConfiguration', 'software/getSprint']);
    expect(schemaOf('platform', 'getCreateIssueMetaIssueTypeId', '400')).toBeUndefined();
    expect(schemaOf('software', 'getAllSprints', '200')).toBeUndefined();
    expect(schemaOf('software', 'getSprint', '200')).toBeUndefined();
    const location = (schemaOf('software', 'getConfiguration', '200')?.properties as Record<string, OasSchema>).location;
    expect(Object.keys((location?.properties ?? {}) as object).sort()).toEqual(['projectKeyOrId', 'type']);
  });

  it('query overrides: state and type are still empty objects, permissions still not required', () => {
    expect(Object.keys(QUERY_PARAMETER_OVERRIDES).sort()).toEqual(['platform/getMyPermissions', 'software/getAllBoards', 'software/getAllSprints']);
    const param = (id: string, name: string) => specOperation(id).parameters.find((p) => p.name === name);
    expect(param('getAllSprints', 'state')?.schema).toEqual({ additionalProperties: false, type: 'object' });
    expect(param('getAllBoards', 'type')?.schema).toEqual({ additionalProperties: false, type: 'object' });
    expect(param('getMyPermissions', 'permissions')?.required).toBeUndefined();
  });

  it('body overrides: accountId still not nullable, and the stated limits still missing from the schemas', () => {
    expect(Object.keys(REQUEST_BODY_OVERRIDES).sort()).toEqual([
      'platform/assignIssue',
      'platform/getBulkPermissions',
      'platform/searchAndReconsileIssuesUsingJqlPost',
      'software/moveIssuesToBacklog',
      'software/moveIssuesToSprintAndRank',
    ]);
    const components = loadSpec('platform').components.schemas;
    const props = (name: string) => (components[name]?.properties ?? {}) as Record<string, OasSchema>;
    expect(props('User').accountId?.nullable).toBeUndefined();
    expect(props('SearchAndReconcileRequestBean').properties?.maxItems).toBeUndefined();
    expect(props('SearchAndReconcileRequestBean').reconcileIssues?.maxItems).toBeUndefined();
    const bulkEntry = props('BulkProjectPermissions');
    expect([bulkEntry.issues?.maxItems, bulkEntry.projects?.maxItems]).toEqual([undefined, undefined]);
    for (const id of ['moveIssuesToSprintAndRank', 'moveIssuesToBacklog']) {
      expect((specOperation(id).requestBodySchema?.properties as Record<string, OasSchema>).issues?.maxItems).toBeUndefined();
    }
  });

  it('component overrides: FieldDetails still forbids untranslatedName', () => {
    expect(Object.keys(COMPONENT_OVERRIDES)).toEqual(['platform/FieldDetails']);
    const fieldDetails = loadSpec('platform').components.schemas.FieldDetails;
    expect(fieldDetails?.additionalProperties).toBe(false);
    expect(Object.keys((fieldDetails?.properties ?? {}) as object)).not.toContain('untranslatedName');
  });
});

describe('http helpers (validate what a test observes on the wire)', () => {
  it('finds the operation and its path parameters from the URL', () => {
    const url = '/rest/api/3/issue/SUP-231/worklog?startedAfter=1794297600000&startedBefore=1795507200000&maxResults=100';
    expect(validateHttpRequest('GET', url)).toEqual({ operationId: 'getIssueWorklog', valid: true, errors: [] });
    expect(validateHttpRequest('get', 'https://site.atlassian.net/rest/agile/1.0/board/7/sprint?state=active&state=closed')).toMatchObject({ operationId: 'getAllSprints', valid: true });
    expect(validateHttpRequest('POST', '/rest/agile/1.0/sprint/abc/issue', { issues: ['SUP-1'] }).errors).toEqual(['path/sprintId: must be integer']);
  });

  it('fails a request for an endpoint the app has not declared (e.g. the removed search)', () => {
    expect(validateHttpRequest('POST', '/rest/api/3/search', { jql: 'project = SUP' })).toEqual({
      valid: false,
      errors: ['POST /rest/api/3/search: no operation in JIRA_OPERATIONS matches'],
    });
  });

  it('validates the response to a concrete request', () => {
    expect(validateHttpResponse('POST', '/rest/agile/1.0/backlog/issue', 204, undefined)).toEqual({ operationId: 'moveIssuesToBacklog', valid: true, errors: [] });
    expect(validateHttpResponse('GET', '/rest/agile/1.0/sprint/42', 200, { id: '42' }).errors).toEqual(['/id: must be integer']);
  });
});
