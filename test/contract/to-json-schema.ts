/**
 * Converts an OpenAPI 3.0 schema object into a JSON Schema (draft-07) that Ajv validates exactly.
 *
 * OpenAPI 3.0 schemas are *almost* JSON Schema; the differences matter for a contract test:
 * - `nullable: true` widens the type to include `null` (JSON Schema has no such keyword).
 * - `readOnly` / `writeOnly` depend on the direction (OpenAPI 3.0.3 §4.7.25): a readOnly property "SHOULD NOT be
 *   sent as part of the request" and, if listed in `required`, is required in responses only; writeOnly is the
 *   mirror image. Atlassian's spec relies on this: `FieldMetadata` (reachable from the `editIssue` body through
 *   `transition`) *requires* five readOnly properties. So a schema is converted once per direction.
 * - `$ref` points at `#/components/schemas/…` of the same document; siblings of a `$ref` are ignored (3.0 rule).
 * - `exclusiveMinimum` / `exclusiveMaximum` are booleans (draft-04 style), not numbers.
 * - Documentation keywords (`example`, `xml`, `externalDocs`, `discriminator`, `x-*`…) have no effect.
 *
 * Any keyword we do not know makes the conversion throw, so a spec update cannot silently weaken the tests.
 */
import { type OasSchema } from './oas-types';

export type Direction = 'request' | 'response';

export type JsonSchema = boolean | { [keyword: string]: unknown };

export interface ConvertContext {
  readonly direction: Direction;
  /** Maps a component name to the absolute URI the registry gives its converted schema. */
  readonly refUri: (componentName: string) => string;
  /** Collects every component the converted schema references, so the registry can add them first. */
  readonly refs: Set<string>;
}

/** Keywords that mean the same in OpenAPI 3.0 and JSON Schema and carry no subschema. */
const COPIED = new Set([
  'type',
  'format',
  'enum',
  'minimum',
  'maximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
]);

/** Keywords that only document (or are handled separately below); they never reject a value. */
const DOCUMENTATION = new Set([
  'description',
  'title',
  'example',
  'examples',
  'xml',
  'externalDocs',
  'discriminator', // an annotation in 3.0: the oneOf/anyOf it decorates still validates on its own
  'deprecated',
  'default',
  'readOnly',
  'writeOnly',
  'nullable',
  'exclusiveMinimum',
  'exclusiveMaximum',
]);

const COMPONENT_REF = '#/components/schemas/';

/** Marker keywords, registered in the registry's Ajv, that always fail with a message naming the rule. */
export const READ_ONLY_IN_REQUEST = 'contractReadOnlyInRequest';
export const WRITE_ONLY_IN_RESPONSE = 'contractWriteOnlyInResponse';

function isSchemaObject(value: unknown): value is OasSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a property schema may not appear in this direction (readOnly in a request, writeOnly in a response). */
function hiddenIn(direction: Direction, property: unknown): boolean {
  if (!isSchemaObject(property)) return false;
  return direction === 'request' ? property.readOnly === true : property.writeOnly === true;
}

export function toJsonSchema(schema: unknown, ctx: ConvertContext, where = '#'): JsonSchema {
  if (typeof schema === 'boolean') return schema;
  if (!isSchemaObject(schema)) throw new Error(`${where}: a schema must be an object, got ${JSON.stringify(schema)}`);

  if (typeof schema.$ref === 'string') {
    if (!schema.$ref.startsWith(COMPONENT_REF)) throw new Error(`${where}: unsupported $ref ${schema.$ref}`);
    const name = schema.$ref.slice(COMPONENT_REF.length);
    ctx.refs.add(name);
    return { $ref: ctx.refUri(name) };
  }

  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (COPIED.has(keyword)) out[keyword] = value;
    else if (keyword === 'properties') out.properties = convertProperties(value, ctx, where);
    else if (keyword === 'required') out.required = requiredIn(ctx.direction, value, schema.properties);
    else if (keyword === 'items' || keyword === 'not' || keyword === 'additionalProperties')
      out[keyword] = toJsonSchema(value, ctx, `${where}/${keyword}`);
    else if (keyword === 'allOf' || keyword === 'anyOf' || keyword === 'oneOf') {
      if (!Array.isArray(value)) throw new Error(`${where}/${keyword}: must be an array`);
      out[keyword] = value.map((sub, i) => toJsonSchema(sub, ctx, `${where}/${keyword}/${i}`));
    } else if (!DOCUMENTATION.has(keyword) && !keyword.startsWith('x-'))
      throw new Error(`${where}: unsupported OpenAPI schema keyword "${keyword}"`);
  }

  exclusiveBound(out, schema, 'exclusiveMinimum', 'minimum');
  exclusiveBound(out, schema, 'exclusiveMaximum', 'maximum');
  if (Array.isArray(out.required) && out.required.length === 0) delete out.required;
  return schema.nullable === true ? withNull(out) : out;
}

function convertProperties(value: unknown, ctx: ConvertContext, where: string): Record<string, JsonSchema> {
  if (!isSchemaObject(value)) throw new Error(`${where}/properties: must be an object`);
  const out: Record<string, JsonSchema> = {};
  for (const [name, property] of Object.entries(value)) {
    if (hiddenIn(ctx.direction, property)) {
      out[name] = { [ctx.direction === 'request' ? READ_ONLY_IN_REQUEST : WRITE_ONLY_IN_RESPONSE]: true };
    } else {
      out[name] = toJsonSchema(property, ctx, `${where}/properties/${name}`);
    }
  }
  return out;
}

/** `required` minus the properties that do not exist in this direction (OpenAPI 3.0 readOnly/writeOnly rule). */
function requiredIn(direction: Direction, required: unknown, properties: unknown): string[] {
  if (!Array.isArray(required)) throw new Error('required: must be an array');
  const props = isSchemaObject(properties) ? properties : {};
  return required.filter((name): name is string => typeof name === 'string' && !hiddenIn(direction, props[name]));
}

function exclusiveBound(out: Record<string, unknown>, schema: OasSchema, exclusive: string, bound: string): void {
  if (schema[exclusive] === true && typeof schema[bound] === 'number') {
    out[exclusive] = schema[bound];
    delete out[bound];
  }
}

/** `nullable: true`: add `null` to the type (and enum); with no type, accept the schema or null. */
function withNull(out: Record<string, unknown>): JsonSchema {
  if (typeof out.type === 'string') {
    const widened: Record<string, unknown> = { ...out, type: [out.type, 'null'] };
    if (Array.isArray(out.enum) && !out.enum.includes(null)) widened.enum = [...out.enum, null];
    return widened;
  }
  return { anyOf: [out, { type: 'null' }] };
}
