/**
 * Finds an operation in the full specs by operationId and describes it: where it lives, whether Atlassian has
 * deprecated or removed it, and its raw parameters, body and responses. operationIds are unique within one
 * spec but not across the two (`getIssue` and `getConfiguration` exist in both), so a lookup takes the spec
 * from `JIRA_OPERATIONS` when the id is one the app uses, or from the caller, or fails when it is ambiguous.
 */
import { JIRA_OPERATIONS, type HttpMethod } from '../../src/jira/operations';
import { type OasChange, type OasOperation, type OasParameter, type OasResponse, type OasSchema } from './oas-types';
import { loadSpec, SPEC_NAMES, type SpecName } from './spec-files';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

export interface SpecOperation {
  readonly operationId: string;
  /** Upper case, as in `JIRA_OPERATIONS` (the spec may also hold PATCH etc., which the app never uses). */
  readonly method: HttpMethod | 'PATCH' | 'HEAD' | 'OPTIONS' | 'TRACE';
  readonly path: string;
  readonly spec: SpecName;
  readonly deprecated: boolean;
  /** An `x-changes` entry of type `removed`, or a description saying the endpoint is (being) removed. */
  readonly removed: boolean;
  /** The `x-changes` entries (announced / effective dates, changelog link), for messages. */
  readonly changes: readonly OasChange[];
  /** Path-level parameters merged with the operation's own (the operation's win, per OpenAPI). */
  readonly parameters: readonly OasParameter[];
  readonly requestBodySchema?: OasSchema;
  readonly requestBodyRequired: boolean;
  /** Content types the request body may have (empty when there is no body). */
  readonly requestBodyContentTypes: readonly string[];
  readonly responses: Readonly<Record<string, OasResponse>>;
  /** The untouched operation object, for anything not lifted out above. */
  readonly raw: OasOperation;
}

/**
 * Atlassian's wording for an endpoint on its way out: summary "Currently being removed. …", description
 * "Endpoint is currently being removed." It must name the endpoint: descriptions also say things like "the
 * field association has been removed", which is about data, not the API.
 */
const REMOVAL_SUMMARY = /^\s*(?:currently\s+)?being\s+removed\b|^\s*removed\b/i;
const REMOVAL_DESCRIPTION = /\b(?:endpoint|operation|resource|API)\s+(?:is|has\s+been)\s+(?:currently\s+|now\s+)?(?:being\s+)?removed\b/i;

/** Whether Atlassian says the operation is removed or being removed (exported for its own tests). */
export function isRemoved(op: OasOperation): boolean {
  if ((op['x-changes'] ?? []).some((change) => change.type === 'removed')) return true;
  return REMOVAL_SUMMARY.test(op.summary ?? '') || REMOVAL_DESCRIPTION.test(op.description ?? '');
}

function mergeParameters(shared: readonly OasParameter[], own: readonly OasParameter[]): OasParameter[] {
  const key = (p: OasParameter): string => `${p.in}:${p.name}`;
  const ownKeys = new Set(own.map(key));
  return [...shared.filter((p) => !ownKeys.has(key(p))), ...own];
}

function describe(spec: SpecName, path: string, method: (typeof HTTP_METHODS)[number], op: OasOperation, shared: readonly OasParameter[]): SpecOperation {
  const content = op.requestBody?.content ?? {};
  const json = content['application/json'];
  return {
    operationId: op.operationId ?? `${method.toUpperCase()} ${path}`,
    method: method.toUpperCase() as SpecOperation['method'],
    path,
    spec,
    deprecated: op.deprecated === true,
    removed: isRemoved(op),
    changes: op['x-changes'] ?? [],
    parameters: mergeParameters(shared, op.parameters ?? []),
    ...(json?.schema ? { requestBodySchema: json.schema } : {}),
    requestBodyRequired: op.requestBody?.required === true,
    requestBodyContentTypes: Object.keys(content),
    responses: op.responses,
    raw: op,
  };
}

const indexes = new Map<SpecName, ReadonlyMap<string, SpecOperation>>();

/** Every operation of one spec by operationId; built once. */
export function operationsOf(spec: SpecName): ReadonlyMap<string, SpecOperation> {
  const cached = indexes.get(spec);
  if (cached) return cached;
  const index = new Map<string, SpecOperation>();
  for (const [path, item] of Object.entries(loadSpec(spec).paths)) {
    const shared = item.parameters ?? [];
    for (const method of HTTP_METHODS) {
      const op = item[method] as OasOperation | undefined;
      if (!op?.operationId) continue;
      if (index.has(op.operationId)) throw new Error(`operationId ${op.operationId} appears twice in the ${spec} spec.`);
      index.set(op.operationId, describe(spec, path, method, op, shared));
    }
  }
  indexes.set(spec, index);
  return index;
}

function specOfAppOperation(operationId: string): SpecName | undefined {
  return Object.hasOwn(JIRA_OPERATIONS, operationId)
    ? JIRA_OPERATIONS[operationId as keyof typeof JIRA_OPERATIONS].spec
    : undefined;
}

/**
 * The operation with this id. `spec` defaults to the one `JIRA_OPERATIONS` names; for other ids both specs are
 * searched. Throws when the id is missing, or present in both specs and no spec was given.
 */
export function specOperation(operationId: string, spec: SpecName | undefined = specOfAppOperation(operationId)): SpecOperation {
  const candidates = (spec ? [spec] : SPEC_NAMES).flatMap((name) => {
    const found = operationsOf(name).get(operationId);
    return found ? [found] : [];
  });
  const [only, other] = candidates;
  if (!only) {
    const where = spec ? `the ${spec} spec` : 'either Jira spec';
    throw new Error(`operationId "${operationId}" is not in ${where} (shared/jira-openapi/; operationIds are case-sensitive).`);
  }
  if (other) {
    throw new Error(`operationId "${operationId}" is in both specs (${only.method} ${only.path} and ${other.method} ${other.path}); pass the spec.`);
  }
  return only;
}
