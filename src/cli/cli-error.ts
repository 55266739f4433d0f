/** An error meant for the person at the terminal: its message is one plain sentence, shown without a stack. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
