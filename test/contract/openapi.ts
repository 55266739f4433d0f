/**
 * The OpenAPI contract toolkit: proves that a request our Jira client sends, or a response the local Jira
 * simulator returns, is what Atlassian's official specs (shared/jira-openapi/, the full files) allow.
 *
 *   specOperation(id)                     where an operation lives, deprecated/removed, raw parameters/responses
 *   validateRequest(id, {pathParams, query, body})
 *   validateResponse(id, status, body)
 *
 * Validation is Ajv 8 on schemas converted from OpenAPI 3.0 (`to-json-schema.ts`), compiled lazily per
 * operation and cached; the few places where the contract is not literally the spec's schema are listed, with
 * reasons, in `contract-overrides.ts` and README.md.
 */
import { type OperationId } from '../../src/jira/operations';
import { GLOBAL_ERROR_STATUSES, REQUEST_BODY_OVERRIDES, RESPONSE_OVERRIDES, type OperationKey } from './contract-overrides';
import { type OasResponse, type OasSchema } from './oas-types';
import { validateParameters, type QueryValue } from './parameters';
import { compileOasSchema, formatErrors } from './schema-registry';
import { type SpecName } from './spec-files';
import { specOperation, type SpecOperation } from './spec-operations';

export { specOperation, type SpecOperation } from './spec-operations';
export { type SpecName } from './spec-files';

/** An operationId the app uses (autocompleted), or any other operationId in the specs. */
export type AnyOperationId = OperationId | (string & Record<never, never>);

export interface ValidationResult {
  readonly valid: boolean;
  /** Readable messages naming a JSON pointer: `body/jql: must be string`, `/issues/0/fields: must be object`. */
  readonly errors: readonly string[];
}

export interface RequestParts {
  /** Values of the `{placeholders}` in the path template; all of them, nothing else. */
  readonly pathParams?: Readonly<Record<string, string | number>>;
  /** Query string values as sent: strings (comma lists allowed) or the values of a repeated key. */
  readonly query?: Readonly<Record<string, QueryValue>>;
  /** The JSON request body, parsed; `undefined` means no body. */
  readonly body?: unknown;
}

function result(errors: readonly string[]): ValidationResult {
  return { valid: errors.length === 0, errors };
}

const keyOf = (op: SpecOperation): OperationKey => `${op.spec}/${op.operationId}`;

function isEmptyBody(body: unknown): boolean {
  return body === undefined || body === null || body === '';
}

function validateBody(op: SpecOperation, body: unknown): string[] {
  if (op.requestBodyContentTypes.length === 0) {
    return body === undefined ? [] : [`body: ${op.operationId} takes no request body`];
  }
  if (body === undefined) return op.requestBodyRequired ? ['body: is required'] : [];
  if (!op.requestBodyContentTypes.includes('application/json')) {
    throw new Error(`${op.operationId} takes ${op.requestBodyContentTypes.join(', ')}, not JSON; the toolkit validates JSON bodies only.`);
  }
  const override = REQUEST_BODY_OVERRIDES[keyOf(op)];
  const schema = override ? override.schema(op.requestBodySchema) : op.requestBodySchema;
  // `application/json` with no schema (setIssueProperty: "any valid JSON") accepts any JSON value.
  if (!schema) return [];
  const validate = compileOasSchema(op.spec, 'request', schema, `${op.operationId} request body`);
  return validate(body) ? [] : formatErrors(validate.errors, 'body');
}

/**
 * Checks one request against the operation: path parameters (all present, typed), query parameters (declared,
 * required ones present, typed after string coercion) and the JSON body against the request body schema.
 */
export function validateRequest(operationId: AnyOperationId, request: RequestParts = {}, spec?: SpecName): ValidationResult {
  const op = specOperation(operationId, spec);
  return result([
    ...validateParameters(op, 'path', request.pathParams ?? {}),
    ...validateParameters(op, 'query', request.query ?? {}),
    ...validateBody(op, request.body),
  ]);
}

const ERROR_COLLECTION: OasSchema = { $ref: '#/components/schemas/ErrorCollection' };

/** `ErrorCollection` lives in the platform spec only; Agile endpoints answer errors in the same shape. */
function validateErrorCollection(body: unknown): string[] {
  const validate = compileOasSchema('platform', 'response', ERROR_COLLECTION, 'ErrorCollection');
  return validate(body) ? [] : formatErrors(validate.errors);
}

function jsonSchemaOf(response: OasResponse): { declared: boolean; schema?: OasSchema } {
  const content = response.content ?? {};
  const json = Object.entries(content).find(([type]) => /^application\/(.+\+)?json\b/.test(type));
  if (!json) return { declared: Object.keys(content).length > 0 };
  return { declared: true, ...(json[1].schema ? { schema: json[1].schema } : {}) };
}

/**
 * Checks a response body against the schema the spec gives for `status` (else `NXX`, else `default`).
 * 204 must be empty. An error status with no documented body must be empty or an `ErrorCollection`.
 * A status the operation does not declare is an error (except 429/503, which every Jira endpoint can answer).
 */
export function validateResponse(operationId: AnyOperationId, status: number, body: unknown, spec?: SpecName): ValidationResult {
  const op = specOperation(operationId, spec);
  const key = String(status);
  const response = op.responses[key] ?? op.responses[`${key[0] ?? ''}XX`] ?? op.responses.default;

  if (status === 204) {
    if (!response) return result([`status 204 is not declared for ${op.operationId} (declared: ${Object.keys(op.responses).join(', ')})`]);
    return result(isEmptyBody(body) ? [] : ['/: a 204 response must have an empty body']);
  }
  if (!response) {
    if (GLOBAL_ERROR_STATUSES.has(status)) return result(isEmptyBody(body) ? [] : validateErrorCollection(body));
    return result([`status ${status} is not declared for ${op.operationId} (declared: ${Object.keys(op.responses).join(', ')})`]);
  }

  const override = RESPONSE_OVERRIDES[keyOf(op)]?.[key];
  const documented = jsonSchemaOf(response);
  const { declared, schema } = override ? { declared: true, schema: override.schema(documented.schema) } : documented;
  if (!schema) {
    if (declared) {
      throw new Error(`${op.operationId} ${status}: the spec documents a body without a JSON schema; add an override in contract-overrides.ts.`);
    }
    if (status >= 400) return result(isEmptyBody(body) ? [] : validateErrorCollection(body));
    return result(isEmptyBody(body) ? [] : [`/: the spec documents no body for ${op.operationId} ${status}`]);
  }
  // `schema: {}` is how Atlassian's generator writes an untyped (often empty) entity, e.g. setIssueProperty 201.
  if (body === undefined && Object.keys(schema).length > 0) {
    return result([`/: a ${status} response from ${op.operationId} must have a JSON body`]);
  }
  const validate = compileOasSchema(op.spec, 'response', schema, `${op.operationId} response ${key}`);
  return result(validate(body) ? [] : formatErrors(validate.errors));
}
