/** A JQL query Jira would refuse: each message as Jira words it, answered as a 400 `errorMessages`. */
export class JqlError extends Error {
  constructor(readonly messages: readonly string[]) {
    super(messages.join(' '));
    this.name = 'JqlError';
  }
}
