/**
 * One Ajv 8 instance for the whole test worker, fed lazily: a component schema (e.g. `IssueBean`) is converted
 * and added only when an operation that reaches it is first validated, once per spec and direction, and every
 * compiled validator is cached. Compiling all 968 platform components up front takes about a second per
 * direction, for nothing: an operation the app uses reaches 0–25 of them, and all of ours compile in ~0.15 s.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { COMPONENT_OVERRIDES } from './contract-overrides';
import { type OasSchema } from './oas-types';
import { loadSpec, type SpecName } from './spec-files';
import {
  READ_ONLY_IN_REQUEST,
  toJsonSchema,
  WRITE_ONLY_IN_RESPONSE,
  type Direction,
  type JsonSchema,
} from './to-json-schema';

const BASE_URI = 'https://jira-contract.invalid/';

function componentUri(spec: SpecName, direction: Direction, name: string): string {
  return `${BASE_URI}${spec}/${direction}/${encodeURIComponent(name)}`;
}

/** The string check ajv-formats installed for `name`, whichever shape (RegExp, function, definition) it has. */
function formatCheck(ajv: Ajv, name: 'date-time' | 'uri'): (value: string) => boolean {
  const format: unknown = ajv.formats[name];
  if (format instanceof RegExp) return (value) => format.test(value);
  if (typeof format === 'function') return format as (value: string) => boolean;
  if (typeof format === 'object' && format !== null && 'validate' in format) {
    const { validate } = format;
    if (validate instanceof RegExp) return (value) => validate.test(value);
    if (typeof validate === 'function') return validate as (value: string) => boolean;
  }
  throw new Error(`ajv-formats installed no usable "${name}" format`);
}

/** Normalises Jira's `+0000` offset (no colon, as Jira Cloud sends in every timestamp) to RFC 3339 `+00:00`. */
function jiraOffsetToRfc3339(value: string): string {
  return value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

function createAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    // strict mode rejects unknown keywords, so a conversion gap fails loudly instead of validating nothing.
    strict: true,
    // Atlassian's schemas put `properties` next to no `type` and list required names they do not define:
    // both are legal JSON Schema, so these two strictness checks would only report the spec's style.
    strictTypes: false,
    strictRequired: false,
    allowUnionTypes: true,
  });
  addFormats(ajv);
  const rfc3339DateTime = formatCheck(ajv, 'date-time');
  const uri = formatCheck(ajv, 'uri');
  ajv.addFormat('date-time', { type: 'string', validate: (value: string) => rfc3339DateTime(jiraOffsetToRfc3339(value)) });
  // ajv-formats' int64 accepts any integer; a value outside the signed 64-bit range is not an int64.
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 63) && n < 2 ** 63 });
  // `url` / `URL` (non-standard names in Atlassian's specs) are checked as absolute RFC 3986 URIs, like `uri`:
  // ajv-formats' own `url` pattern rejects loopback and private hosts, i.e. every link the local simulator makes.
  ajv.addFormat('url', { type: 'string', validate: uri });
  ajv.addFormat('URL', { type: 'string', validate: uri });
  for (const keyword of [READ_ONLY_IN_REQUEST, WRITE_ONLY_IN_RESPONSE]) {
    ajv.addKeyword({ keyword, schemaType: 'boolean', validate: () => false, errors: false });
  }
  return ajv;
}

let ajvInstance: Ajv | undefined;
const addedComponents = new Set<string>();
const compiled = new Map<string, ValidateFunction>();

function ajv(): Ajv {
  ajvInstance ??= createAjv();
  return ajvInstance;
}

/** Adds (converted) every component reachable from `names` that is not in Ajv yet. */
function addComponents(spec: SpecName, direction: Direction, names: Iterable<string>): void {
  const pending = [...names];
  const schemas = loadSpec(spec).components.schemas;
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    const uri = componentUri(spec, direction, name);
    if (addedComponents.has(uri)) continue;
    const declared = schemas[name];
    if (declared === undefined) throw new Error(`The ${spec} spec has no component schema "${name}".`);
    const override = COMPONENT_OVERRIDES[`${spec}/${name}`];
    const source = override ? override.schema(declared) : declared;
    const refs = new Set<string>();
    const converted = toJsonSchema(source, { direction, refs, refUri: (n) => componentUri(spec, direction, n) }, `#/components/schemas/${name}`);
    ajv().addSchema(typeof converted === 'boolean' || '$ref' in converted ? { $id: uri, allOf: [converted] } : { ...converted, $id: uri });
    addedComponents.add(uri);
    pending.push(...refs);
  }
}

/**
 * A validator for an OpenAPI schema taken from `spec` (its `$ref`s resolve against that spec's components),
 * cached under `cacheKey`, which must identify the schema (e.g. `getIssue response 200`).
 */
export function compileOasSchema(spec: SpecName, direction: Direction, schema: OasSchema, cacheKey: string): ValidateFunction {
  const key = `${spec} ${direction} ${cacheKey}`;
  const hit = compiled.get(key);
  if (hit) return hit;
  const refs = new Set<string>();
  const converted: JsonSchema = toJsonSchema(schema, { direction, refs, refUri: (n) => componentUri(spec, direction, n) }, cacheKey);
  addComponents(spec, direction, refs);
  const validate = ajv().compile(converted);
  compiled.set(key, validate);
  return validate;
}

/** RFC 6901 escaping, so a property name with `/` or `~` still yields an unambiguous pointer. */
function pointerToken(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Ajv errors as `"<where><JSON pointer>: <message>"`, e.g. `/issues/0/fields: must be object` (responses) or
 * `body/maxResults: must be integer` (requests, with `where` = `body`). Messages name the offending property
 * or the allowed values, because the reader of a failed test should not need to open the spec to act.
 */
export function formatErrors(errors: readonly ErrorObject[] | null | undefined, where = ''): string[] {
  const out = (errors ?? []).map((error) => {
    const at = (pointer: string): string => `${where}${pointer || (where ? '' : '/')}`;
    const params = error.params as Record<string, unknown>;
    switch (error.keyword) {
      case 'additionalProperties':
        return `${at(`${error.instancePath}/${pointerToken(String(params.additionalProperty))}`)}: is not a property the spec defines here (additionalProperties: false)`;
      case 'enum':
        return `${at(error.instancePath)}: must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      case READ_ONLY_IN_REQUEST:
        return `${at(error.instancePath)}: is readOnly in the spec, so a request must not send it`;
      case WRITE_ONLY_IN_RESPONSE:
        return `${at(error.instancePath)}: is writeOnly in the spec, so a response must not contain it`;
      default:
        return `${at(error.instancePath)}: ${error.message ?? error.keyword}`;
    }
  });
  return [...new Set(out)];
}
