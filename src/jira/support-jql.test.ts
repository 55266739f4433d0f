/**
 * Support-ticket JQL: values are quoted so nothing an admin types can change the query, and a
 * refusal naming unknown issue types is read back into the names to drop.
 */
import { errorForStatus, unavailable } from './errors';
import { jqlString, supportTicketsJql, unknownIssueTypes } from './support-jql';

const refusal = (...messages: string[]) => errorForStatus(400, JSON.stringify({ errorMessages: messages, errors: {} }), 'searchAndReconsileIssuesUsingJqlPost');

describe('jqlString', () => {
  it.each([
    ['Bug', '"Bug"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash', '"back\\\\slash"'],
    ['x") OR project = OTHER OR labels in ("y', '"x\\") OR project = OTHER OR labels in (\\"y"'],
  ])('quotes %j as %s', (value, quoted) => {
    expect(jqlString(value)).toBe(quoted);
  });
});

describe('supportTicketsJql', () => {
  it('matches issue types or labels within the project', () => {
    expect(supportTicketsJql('SUP', { issueTypes: ['Bug', 'Support request'], labels: ['support'] })).toBe(
      'project = "SUP" AND (issuetype in ("Bug", "Support request") OR labels in ("support"))',
    );
  });

  it('uses only the parts the filter has, and nothing when it has none', () => {
    expect(supportTicketsJql('SUP', { issueTypes: [], labels: ['support'] })).toBe('project = "SUP" AND (labels in ("support"))');
    expect(supportTicketsJql('SUP', { issueTypes: ['Bug'], labels: [] })).toBe('project = "SUP" AND (issuetype in ("Bug"))');
    expect(supportTicketsJql('SUP', { issueTypes: [], labels: [] })).toBeNull();
  });
});

describe('unknownIssueTypes', () => {
  it('reads every unknown issue type out of a refusal', () => {
    const error = refusal("The value '[System] Incident' does not exist for the field 'issuetype'.", "The value 'Ops' ticket' does not exist for the field 'type'.");
    expect(unknownIssueTypes(error)).toEqual(['[System] Incident', "Ops' ticket"]);
  });

  it('finds nothing in other refusals and other errors', () => {
    expect(unknownIssueTypes(refusal("The value 'x' does not exist for the field 'project'."))).toEqual([]);
    expect(unknownIssueTypes(unavailable('down'))).toEqual([]);
    expect(unknownIssueTypes(new Error("The value 'Bug' does not exist for the field 'issuetype'."))).toEqual([]);
  });
});
