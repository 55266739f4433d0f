import { errorForStatus, UNAVAILABLE_MESSAGE } from './errors';

describe('errorForStatus: a 500 with Jira\'s error body is not an outage', () => {
  it('says what Jira said about this request', () => {
    const error = errorForStatus(500, JSON.stringify({ errorMessages: ['Internal server error: the sprint field could not be read.'], errors: {} }), 'getAllSprints');
    expect(error.userMessage).toBe('Jira failed on this request with an internal error ("Internal server error: the sprint field could not be read."). Try again; if it keeps happening, tell your Jira admin what Jira said.');
    expect(error.status).toBe(500);
    expect(errorForStatus(500, JSON.stringify({ errors: { jql: 'Query timed out.' } }), 'search').userMessage).toContain('("Query timed out.")');
  });

  it('keeps "not responding" for gateway errors and for a 500 without an error body', () => {
    for (const status of [502, 503, 504]) expect(errorForStatus(status, JSON.stringify({ errorMessages: ['Bad gateway'] }), 'op').userMessage).toBe(UNAVAILABLE_MESSAGE);
    for (const text of ['', '<html>oops</html>', '{"errorMessages":[],"errors":{}}', 'null', '{"errorMessages":["  "]}']) expect(errorForStatus(500, text, 'op').userMessage).toBe(UNAVAILABLE_MESSAGE);
  });

  it('cuts a long message', () => {
    const message = errorForStatus(500, JSON.stringify({ errorMessages: ['x'.repeat(500)] }), 'op').userMessage;
    expect(message).toContain(`${'x'.repeat(200)}…`);
    expect(message.length).toBeLessThan(350);
  });
});
