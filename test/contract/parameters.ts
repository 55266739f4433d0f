/**
 * Path and query parameters against their declared schemas. On the wire every value is a string, so each is
 * first coerced the way Jira parses it (integers, booleans, comma-separated lists for array parameters — Jira
 * documents comma lists for them, and repeated keys are accepted too) and then validated by Ajv. A value that
 * does not coerce stays a string, so Ajv reports it as the wrong type ("query/startAt: must be integer").
 * Unknown parameters are errors: a misspelt `maxResult` is silently ignored by Jira, which is exactly the bug a
 * contract test should catch.
 */
import { QUERY_PARAMETER_OVERRIDES, type OperationKey } from './contract-overrides';
import { type OasParameter, type OasSchema } from './oas-types';
import { compileOasSchema, formatErrors } from './schema-registry';
import { type SpecOperation } from './spec-operations';

/** A query value: one string (possibly a comma list) or the values of a repeated key. */
export type QueryValue = string | readonly string[];

/** The parameters with overrides applied (see `contract-overrides.ts`). */
export function effectiveParameters(op: SpecOperation): OasParameter[] {
  const overrides = QUERY_PARAMETER_OVERRIDES[`${op.spec}/${op.operationId}` as OperationKey] ?? {};
  return op.parameters.map((p) => {
    const override = p.in === 'query' ? overrides[p.name] : undefined;
    if (!override) return p;
    return { ...p, ...(override.schema ? { schema: override.schema } : {}), ...(override.required !== undefined ? { required: override.required } : {}) };
  });
}

function declaredType(schema: OasSchema | undefined): string | undefined {
  return typeof schema?.type === 'string' ? schema.type : undefined;
}

function coerceScalar(value: string, schema: OasSchema | undefined): unknown {
  switch (declaredType(schema)) {
    case 'integer':
      return /^[+-]?\d+$/.test(value) ? Number(value) : value;
    case 'number':
      return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    default:
      return value;
  }
}

/** One parameter's wire value(s) as the typed value its schema describes, or a message when it cannot be. */
function coerce(param: OasParameter, raw: string | number | boolean | readonly string[]): { value: unknown } | { error: string } {
  const values = Array.isArray(raw) ? (raw as readonly string[]) : [String(raw)];
  const type = declaredType(param.schema);
  if (type === 'array') {
    const items = param.schema?.items as OasSchema | undefined;
    return { value: values.flatMap((v) => v.split(',')).map((v) => coerceScalar(v, items)) };
  }
  if (type === 'object') {
    return { error: `is declared as an object, which a query string cannot carry; add an override in contract-overrides.ts` };
  }
  const [only, ...more] = values;
  if (only === undefined || more.length > 0) return { error: `must be given once (it is not an array parameter), got ${values.length} values` };
  return { value: coerceScalar(only, param.schema) };
}

/** `{type: object, properties: {…each parameter's schema}, required, additionalProperties: false}`. */
function objectSchema(params: readonly OasParameter[]): OasSchema {
  return {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema ?? {}])),
    required: params.filter((p) => p.required || p.in === 'path').map((p) => p.name),
  };
}

/** Errors for one location (`path` or `query`), each prefixed with it: `query/maxResults: must be integer`. */
export function validateParameters(
  op: SpecOperation,
  location: 'path' | 'query',
  given: Readonly<Record<string, string | number | boolean | readonly string[]>>,
): string[] {
  const declared = effectiveParameters(op).filter((p) => p.in === location);
  const errors: string[] = [];
  const typed: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(given)) {
    const param = declared.find((p) => p.name === name);
    if (!param) {
      const known = declared.map((p) => p.name).join(', ') || 'none';
      errors.push(`${location}/${name}: unknown ${location} parameter for ${op.operationId} (declared: ${known})`);
      continue;
    }
    const result = coerce(param, raw);
    if ('error' in result) errors.push(`${location}/${name}: ${result.error}`);
    else typed[name] = result.value;
  }
  const validate = compileOasSchema(op.spec, 'request', objectSchema(declared), `${op.operationId} ${location} parameters`);
  if (!validate(typed)) {
    // A given parameter absent from `typed` was already reported above; do not also call it "missing".
    const reported = new Set(Object.keys(given));
    const ajvErrors = (validate.errors ?? []).filter(
      (e) => !(e.keyword === 'required' && reported.has(String((e.params as { missingProperty?: unknown }).missingProperty))),
    );
    errors.push(...formatErrors(ajvErrors, location).map((e) => e.replace(`${location}: must have required property`, `${location}: missing required ${location} parameter`)));
  }
  return errors;
}
