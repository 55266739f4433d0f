/**
 * JQL text → syntax tree, with Atlassian's own grammar: `@atlaskit/jql-ast` (the ANTLR parser of
 * `@atlaskit/jql-parser`, as Jira's editor uses it). Syntax errors become Jira-style messages
 * ("Error in the JQL Query: … (line 1, character 18)").
 */
import { JastBuilder, type Query } from '@atlaskit/jql-ast';
import { JqlError } from './errors';

function describe(description: string): string {
  const eof = description.match(/^mismatched input '<EOF>' expecting (.*)$/);
  if (eof) return `Expecting ${eof[1]} but reached the end of the query.`;
  const mismatched = description.match(/^(?:mismatched|extraneous) input '(.*)' expecting (.*)$/);
  if (mismatched) return `Expecting ${mismatched[2]} but got '${mismatched[1]}'.`;
  const noViable = description.match(/^no viable alternative at input '(.*)'$/);
  if (noViable) return `The text '${noViable[1]}' cannot be understood here.`;
  const tokenError = description.match(/^token recognition error at: '(.*)'$/);
  if (tokenError) return `The character '${tokenError[1]}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${(tokenError[1] ?? ' ').charCodeAt(0).toString(16).padStart(4, '0')}' instead.`;
  return `${description.charAt(0).toUpperCase()}${description.slice(1)}.`;
}

/** Parse; throws JqlError on a syntax error. An empty query parses to one without `where`. */
export function parseJql(jql: string): Query {
  const jast = new JastBuilder().build(jql);
  if (jast.errors.length > 0) {
    throw new JqlError(
      jast.errors.map((error) => {
        const at = error as { description?: string; message?: string; line?: number; charPositionInLine?: number };
        const text = describe(at.description ?? at.message ?? 'The query could not be parsed');
        return at.line !== undefined && at.charPositionInLine !== undefined
          ? `Error in the JQL Query: ${text} (line ${at.line}, character ${at.charPositionInLine + 1})`
          : `Error in the JQL Query: ${text}`;
      }),
    );
  }
  if (!jast.query) throw new JqlError(['Error in the JQL Query: The query could not be parsed.']);
  return jast.query;
}
