/**
 * The slice of the OpenAPI 3.0 object model that the contract toolkit reads. Atlassian's documents carry far
 * more (examples, security, x-atlassian-* extensions); we type only what we use so that a reader can see which
 * parts of the spec the tests depend on.
 */

/** A schema object, walked generically: keywords are checked one by one in `to-json-schema.ts`. */
export type OasSchema = { readonly [keyword: string]: unknown };

export interface OasParameter {
  readonly name: string;
  readonly in: 'query' | 'path' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema?: OasSchema;
  readonly style?: string;
  readonly explode?: boolean;
  readonly description?: string;
}

export interface OasMediaType {
  readonly schema?: OasSchema;
  readonly example?: unknown;
}

export interface OasResponse {
  readonly description?: string;
  readonly content?: Readonly<Record<string, OasMediaType>>;
}

export interface OasRequestBody {
  readonly required?: boolean;
  readonly content: Readonly<Record<string, OasMediaType>>;
}

/** Atlassian's `x-changes` extension: announced deprecations and removals of an operation. */
export interface OasChange {
  readonly type?: string;
  readonly announced?: string;
  readonly effective?: string;
  readonly details?: string;
}

export interface OasOperation {
  readonly operationId?: string;
  readonly summary?: string;
  readonly description?: string;
  readonly deprecated?: boolean;
  readonly parameters?: readonly OasParameter[];
  readonly requestBody?: OasRequestBody;
  readonly responses: Readonly<Record<string, OasResponse>>;
  readonly 'x-changes'?: readonly OasChange[];
  /** Alternatives (any one suffices), each a scheme → the scopes it needs together, e.g. `{ OAuth2: ['read:jira-work'] }`. */
  readonly security?: readonly Readonly<Record<string, readonly string[]>>[];
}

/** A path item: one operation per HTTP method, plus parameters shared by all of them. */
export type OasPathItem = { readonly parameters?: readonly OasParameter[] } & {
  readonly [method: string]: OasOperation | readonly OasParameter[] | undefined;
};

export interface OasDocument {
  readonly openapi: string;
  readonly info: { readonly title: string; readonly version: string };
  readonly paths: Readonly<Record<string, OasPathItem>>;
  readonly components: { readonly schemas: Readonly<Record<string, OasSchema>> };
}
