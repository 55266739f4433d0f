/**
 * What a JQL clause field is to the evaluator: which operators it takes, an issue's values for it,
 * how a literal or function operand becomes comparable values, and how it sorts. Values are
 * canonical (ids, epoch ms, lower-cased text) so `=` is plain equality.
 */
import type { SiteIssue, SiteUser } from '../site/model';
import type { SiteStore } from '../site/store';
import { dateFunction, parseDateValue } from './dates';
import { JqlError } from './errors';

export const EMPTY = Symbol('EMPTY');
export type Value = string | number;
export type OperandValue = Value | typeof EMPTY;

export interface SearchScope {
  readonly store: SiteStore;
  readonly user: SiteUser;
  readonly nowMs: number;
}

export const EQUALITY = ['=', '!=', 'in', 'not in', 'is', 'is not'];
export const ORDERED = [...EQUALITY, '<', '>', '<=', '>='];
export const TEXT = ['~', '!~', 'is', 'is not'];

export interface Term {
  readonly operators: readonly string[];
  values(issue: SiteIssue, scope: SearchScope): readonly Value[];
  /** A literal operand → canonical values; throws JqlError where Jira answers 400. */
  literal(text: string, scope: SearchScope, fieldName: string): OperandValue[];
  /** A function operand; undefined when this field does not take that function. */
  fn?(name: string, args: readonly string[], scope: SearchScope): OperandValue[] | undefined;
  sortKey?(issue: SiteIssue, scope: SearchScope): Value | null;
}

export const notFound = (text: string, fieldName: string): JqlError => new JqlError([`The value '${text}' does not exist for the field '${fieldName}'.`]);

/** A field whose literals name things by id or (case-insensitive) name. */
export function namedTerm(
  values: (issue: SiteIssue, scope: SearchScope) => readonly Value[],
  candidates: (scope: SearchScope) => readonly { id: string; names: readonly string[] }[],
  extra: Partial<Term> = {},
): Term {
  return {
    operators: EQUALITY,
    values,
    literal(text, scope, fieldName) {
      const lower = text.toLowerCase();
      const ids = candidates(scope).filter((c) => c.id === text || c.names.some((n) => n.toLowerCase() === lower)).map((c) => c.id);
      if (ids.length === 0) throw notFound(text, fieldName);
      return [...new Set(ids)];
    },
    ...extra,
  };
}

export function dateTerm(value: (issue: SiteIssue) => number | null): Term {
  return {
    operators: ORDERED,
    values: (issue) => {
      const ms = value(issue);
      return ms === null ? [] : [ms];
    },
    literal: (text, scope, fieldName) => [parseDateValue(text, scope.nowMs, fieldName)],
    fn: (name, args, scope) => {
      const ms = dateFunction(name, args, scope.nowMs);
      return ms === undefined ? undefined : [ms];
    },
    sortKey: (issue) => value(issue),
  };
}

export function numberTerm(value: (issue: SiteIssue, scope: SearchScope) => number | null): Term {
  return {
    operators: ORDERED,
    values: (issue, scope) => {
      const n = value(issue, scope);
      return n === null ? [] : [n];
    },
    literal(text, _scope, fieldName) {
      const n = Number(text);
      if (text.trim() === '' || Number.isNaN(n)) throw new JqlError([`The value '${text}' for field '${fieldName}' is not a valid number.`]);
      return [n];
    },
    sortKey: (issue, scope) => value(issue, scope),
  };
}

export function textTerm(value: (issue: SiteIssue) => string | null): Term {
  return {
    operators: TEXT,
    values: (issue) => {
      const text = value(issue);
      return text === null || text === '' ? [] : [text.toLowerCase()];
    },
    literal: (text) => [text.toLowerCase()],
    sortKey: (issue) => value(issue)?.toLowerCase() ?? null,
  };
}

/** People by account id, email or display name, and `currentUser()`. */
export function userTerm(value: (issue: SiteIssue) => string | null): Term {
  return namedTerm(
    (issue) => {
      const id = value(issue);
      return id === null ? [] : [id];
    },
    (scope) => scope.store.users.map((u) => ({ id: u.accountId, names: [u.email, u.displayName] })),
    {
      fn: (name, _args, scope) => (name.toLowerCase() === 'currentuser' ? [scope.user.accountId] : undefined),
      sortKey: (issue, scope) => {
        const id = value(issue);
        return id === null ? null : scope.store.user(id)?.displayName.toLowerCase() ?? id;
      },
    },
  );
}
