/**
 * Turn a parsed JQL query into a predicate over issues and an ordering, validating it first the way
 * Jira does: every unknown field, unsupported operator, unknown value or bad date is reported, all
 * at once, as a 400. Semantics follow Jira: `!=` and `not in` never match an empty field, `NOT`
 * is a plain complement, `in (…, EMPTY)` also matches empty fields.
 */
import type { Clause, Operand, Query, TerminalClause } from '@atlaskit/jql-ast';
import type { SiteIssue } from '../site/model';
import { JqlError } from './errors';
import { EMPTY, type OperandValue, type SearchScope, type Value } from './term';
import { findTerm } from './terms';
import { compileOrder } from './order';

export interface CompiledQuery {
  matches(issue: SiteIssue): boolean;
  compare(a: SiteIssue, b: SiteIssue): number;
}

const HISTORY_OPERATORS = ['was', 'was in', 'was not', 'was not in', 'changed'];
const KNOWN_FUNCTIONS = ['currentuser', 'opensprints', 'closedsprints', 'futuresprints', 'now', 'startofday', 'endofday', 'startofweek', 'endofweek', 'startofmonth', 'endofmonth', 'startofyear', 'endofyear', 'standardissuetypes', 'subtaskissuetypes', 'breached', 'everbreached', 'running', 'paused', 'completed'];

type Predicate = (issue: SiteIssue) => boolean;

class Compiler {
  readonly messages: string[] = [];

  constructor(private readonly scope: SearchScope) {}

  /** Run a step, keeping its JqlError messages and going on, so one response lists every problem. */
  private collect<T>(step: () => T, fallback: T): T {
    try {
      return step();
    } catch (error) {
      if (!(error instanceof JqlError)) throw error;
      this.messages.push(...error.messages);
      return fallback;
    }
  }

  clause(clause: Clause): Predicate {
    if (clause.clauseType === 'compound') {
      const parts = clause.clauses.map((c) => this.clause(c));
      return clause.operator.value === 'or' ? (issue) => parts.some((p) => p(issue)) : (issue) => parts.every((p) => p(issue));
    }
    if (clause.clauseType === 'not') {
      const inner = this.clause(clause.clause);
      return (issue) => !inner(issue);
    }
    return this.collect(() => this.terminal(clause), () => false);
  }

  private operandValues(operand: Operand, resolve: { literal(text: string): OperandValue[]; fn(name: string, args: string[]): OperandValue[] }): OperandValue[] {
    switch (operand.operandType) {
      case 'keyword':
        return [EMPTY];
      case 'list':
        return operand.values.flatMap((v) => this.collect(() => this.operandValues(v, resolve), []));
      case 'function':
        return resolve.fn(operand.function.value, operand.arguments.map((a) => a.value));
      default:
        return resolve.literal(operand.value);
    }
  }

  private terminal(clause: TerminalClause): Predicate {
    const { term, name } = findTerm(clause.field);
    const operator = clause.operator ? clause.operator.value.toLowerCase() : '';
    const shown = clause.operator ? clause.operator.text : '';
    if (HISTORY_OPERATORS.includes(operator)) throw new JqlError([`The operator '${shown.toUpperCase()}' needs issue history, which the simulator does not keep.`]);
    if (!term.operators.includes(operator)) throw new JqlError([`The operator '${shown}' is not supported by the '${name}' field.`]);
    if (!clause.operand) throw new JqlError([`Error in the JQL Query: Expecting a value after '${shown}'.`]);
    const { scope } = this;
    const operands = this.operandValues(clause.operand, {
      literal: (text) => term.literal(text, scope, name),
      fn: (fnName, args) => {
        const result = term.fn?.(fnName, args, scope);
        if (result) return result;
        if (KNOWN_FUNCTIONS.includes(fnName.toLowerCase())) throw new JqlError([`A value provided by the function '${fnName}' is invalid for the field '${name}'.`]);
        throw new JqlError([`Unable to find JQL function '${fnName}(${args.join(', ')})'.`]);
      },
    });
    const hasEmpty = operands.includes(EMPTY);
    const wanted = new Set(operands.filter((v): v is Value => v !== EMPTY));
    const values = (issue: SiteIssue) => term.values(issue, scope);

    if ((operator === 'is' || operator === 'is not') && (!hasEmpty || wanted.size > 0)) {
      throw new JqlError([`The operator '${shown.toUpperCase()}' only supports the EMPTY keyword for the field '${name}'.`]);
    }
    switch (operator) {
      case '=':
      case 'in':
      case 'is':
        return (issue) => {
          const own = values(issue);
          return own.length === 0 ? hasEmpty : own.some((v) => wanted.has(v));
        };
      case '!=':
      case 'not in':
      case 'is not':
        return (issue) => {
          const own = values(issue);
          return own.length > 0 && !own.some((v) => wanted.has(v));
        };
      case '~':
      case '!~': {
        const words = [...wanted].flatMap((w) => String(w).split(/\s+/)).filter((w) => w !== '');
        const contains = (issue: SiteIssue) => values(issue).some((v) => words.every((w) => String(v).includes(w)));
        return operator === '~' ? contains : (issue) => values(issue).length > 0 && !contains(issue);
      }
      default: {
        const [bound] = [...wanted];
        if (bound === undefined || hasEmpty || wanted.size !== 1) throw new JqlError([`The operator '${shown}' needs exactly one value for the field '${name}'.`]);
        const test = (v: Value) => (operator === '<' ? v < bound : operator === '>' ? v > bound : operator === '<=' ? v <= bound : v >= bound);
        return (issue) => values(issue).some((v) => typeof v === typeof bound && test(v));
      }
    }
  }
}

/** Compile, or throw JqlError with every problem Jira would report. */
export function compileQuery(query: Query, scope: SearchScope): CompiledQuery {
  const compiler = new Compiler(scope);
  const matches: Predicate = query.where ? compiler.clause(query.where) : () => true;
  const messages = [...compiler.messages];
  let compare: CompiledQuery['compare'] = (a, b) => Number(b.id) - Number(a.id);
  try {
    compare = compileOrder(query.orderBy || undefined, scope);
  } catch (error) {
    if (!(error instanceof JqlError)) throw error;
    messages.push(...error.messages);
  }
  if (messages.length > 0) throw new JqlError(messages);
  return { matches, compare };
}
