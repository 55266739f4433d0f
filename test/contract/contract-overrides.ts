/**
 * Every place where the contract the tests enforce is not literally the spec's schema, with the reason.
 * Each entry fills a hole in the spec (no schema at all), or follows what the spec's own text says where its
 * schema says something else. `openapi.test.ts` checks that every entry still targets what it describes, so an
 * entry that a newer spec makes unnecessary fails a test instead of lingering.
 *
 * Keys are `<spec>/<operationId>` because operationIds repeat across the two specs.
 */
import { type OasSchema } from './oas-types';
import { loadSpec, type SpecName } from './spec-files';

export type OperationKey = `${SpecName}/${string}`;

export interface ResponseOverride {
  /** The schema to use for this status (resolved against the operation's spec), built from the declared one. */
  readonly schema: (declared: OasSchema | undefined) => OasSchema;
  readonly why: string;
}

/**
 * The Agile sprint endpoints document only an example for 200, no schema. `SprintBean` (jira-software.json) is
 * the sprint shape; the list is the Agile offset page every other Agile list uses (compare `getAllBoards`'
 * inline schema). We author the page, so we require what the spec's example and every real page carry and what
 * the client pages by (`isLast`, `maxResults`, `startAt`, `values`); `total` stays optional.
 */
const SPRINT_PAGE: OasSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['isLast', 'maxResults', 'startAt', 'values'],
  properties: {
    isLast: { type: 'boolean' },
    maxResults: { type: 'integer', format: 'int32' },
    startAt: { type: 'integer', format: 'int64' },
    total: { type: 'integer', format: 'int64' },
    values: { type: 'array', items: { $ref: '#/components/schemas/SprintBean' } },
  },
};

/**
 * The board location as Jira returns it and as the spec's own 200 example shows it
 * (`{"id":"10010","key":"PROJ","name":"name","self":"…/project/10010","type":"project"}`); the inline schema
 * reuses the *create-board* `LocationBean` (`{projectKeyOrId, type}`), which no response has.
 */
const RETURNED_BOARD_LOCATION: OasSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string' },
    key: { type: 'string' },
    name: { type: 'string' },
    self: { type: 'string', format: 'uri' },
    type: { type: 'string', enum: ['project', 'user'] },
  },
};

/** The declared board configuration with `location` widened to either shape (nothing else changes). */
function boardConfigWithReturnedLocation(declared: OasSchema | undefined): OasSchema {
  const properties = (declared?.properties ?? {}) as Record<string, OasSchema>;
  const location = properties.location ?? {};
  return { ...declared, properties: { ...properties, location: { anyOf: [location, RETURNED_BOARD_LOCATION] } } };
}

/** An error status documented with only an example, which is Jira's ErrorCollection (`{errorMessages, errors}`). */
const ERROR_COLLECTION_EXAMPLE: ResponseOverride = {
  schema: () => ({ $ref: '#/components/schemas/ErrorCollection' }),
  why: 'the error has only an example, an ErrorCollection ({"errorMessages":[…],"errors":{}})',
};

export const RESPONSE_OVERRIDES: Readonly<Record<OperationKey, Readonly<Record<string, ResponseOverride>>>> = {
  'platform/getCreateIssueMetaIssueTypeId': { '400': ERROR_COLLECTION_EXAMPLE },
  'software/getAllSprints': {
    '200': { schema: () => SPRINT_PAGE, why: '200 has only an example: an Agile page of SprintBean' },
  },
  'software/getSprint': {
    '200': { schema: () => ({ $ref: '#/components/schemas/SprintBean' }), why: '200 has only an example: SprintBean' },
  },
  'software/getConfiguration': {
    '200': {
      schema: boardConfigWithReturnedLocation,
      why: '`location` is typed as the create-board LocationBean {projectKeyOrId,type}; the spec example (and Jira) return {id,key,name,self,type}',
    },
  },
};

export interface ParameterOverride {
  /** Replaces the declared schema. */
  readonly schema?: OasSchema;
  /** Replaces the declared `required`. */
  readonly required?: boolean;
  readonly why: string;
}

const commaList = (values: readonly string[]): OasSchema => ({ type: 'array', items: { type: 'string', enum: values } });

/** By `<spec>/<operationId>`, then by query parameter name. */
export const QUERY_PARAMETER_OVERRIDES: Readonly<Record<OperationKey, Readonly<Record<string, ParameterOverride>>>> = {
  'software/getAllSprints': {
    state: {
      schema: commaList(['future', 'active', 'closed']),
      why: 'declared as an empty object (a generator artifact; no query string can express it); the description says "Valid values: future, active, closed … separated by commas"',
    },
  },
  'software/getAllBoards': {
    type: {
      schema: commaList(['scrum', 'kanban', 'simple']),
      why: 'declared as an empty object (a generator artifact); the description says "Valid values: scrum, kanban, simple"',
    },
  },
  'platform/getMyPermissions': {
    permissions: {
      required: true,
      why: 'the description says "(Required)" and 400 is "Returned if `permissions` is empty", but `required` is missing',
    },
  },
};

export interface RequestBodyOverride {
  /** Builds the schema from the spec's own, so the spec stays the source of everything not overridden. */
  readonly schema: (declared: OasSchema | undefined) => OasSchema;
  readonly why: string;
}

const maxIssues = (declared: OasSchema | undefined): OasSchema => ({
  allOf: [declared ?? {}, { properties: { issues: { maxItems: 50 } } }],
});

/** `User` with `accountId` nullable: the only change `assignIssue` needs. */
function userWithNullableAccountId(): OasSchema {
  const user = loadSpec('platform').components.schemas.User ?? {};
  const properties = (user.properties ?? {}) as Record<string, OasSchema>;
  return { ...user, properties: { ...properties, accountId: { ...properties.accountId, nullable: true } } };
}

export const REQUEST_BODY_OVERRIDES: Readonly<Record<OperationKey, RequestBodyOverride>> = {
  'platform/assignIssue': {
    schema: userWithNullableAccountId,
    why: 'the description says `accountId: null` unassigns the issue, but `User.accountId` is not nullable',
  },
  'platform/getBulkPermissions': {
    schema: (declared) => ({
      allOf: [declared ?? {}, { properties: { projectPermissions: { items: { properties: { issues: { maxItems: 1000 }, projects: { maxItems: 1000 } } } } } }],
    }),
    why: 'the description says "A maximum of 1000 projects and 1000 issues can be checked"; the schema has no maxItems (checked per entry here, which is how the client sends them)',
  },
  'platform/searchAndReconsileIssuesUsingJqlPost': {
    schema: (declared) => ({
      allOf: [declared ?? {}, { properties: { properties: { maxItems: 5 }, reconcileIssues: { maxItems: 50 } } }],
    }),
    why: 'the property descriptions say "up to 5 issue properties" and reconcileIssues "Accepts max 50 ids"; the schema has no maxItems',
  },
  'software/moveIssuesToSprintAndRank': {
    schema: maxIssues,
    why: 'the description says "The maximum number of issues that can be moved in one operation is 50"; the schema has no maxItems',
  },
  'software/moveIssuesToBacklog': {
    schema: maxIssues,
    why: 'the description says "At most 50 issues may be moved at once"; the schema has no maxItems',
  },
};

export interface ComponentOverride {
  readonly schema: (declared: OasSchema) => OasSchema;
  readonly why: string;
}

/** By `<spec>/<component name>`: applied wherever the component is used, in both directions. */
export const COMPONENT_OVERRIDES: Readonly<Record<`${SpecName}/${string}`, ComponentOverride>> = {
  'platform/FieldDetails': {
    schema: (declared) => ({
      ...declared,
      properties: { ...(declared.properties as Record<string, OasSchema>), untranslatedName: { type: 'string' } },
    }),
    why: 'Jira Cloud returns `untranslatedName` on custom fields (real /field capture in jira-rest.md §3, test/fixtures/jira/fields.json); FieldDetails omits it and forbids additional properties',
  },
};

/**
 * Statuses any operation may answer although few declare them: Jira's rate limiter answers 429 on every
 * endpoint and some transient 503s carry Retry-After (shared/reference/jira-rest.md §8). Their body, if any,
 * must be an ErrorCollection like every other error.
 */
export const GLOBAL_ERROR_STATUSES: ReadonlySet<number> = new Set([429, 503]);
