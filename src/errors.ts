/**
 * Errors a user can cause (bad file, bad policy, unknown principal): one line, exit code 2.
 * Anything else is a bug and keeps its stack trace.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** Exit codes: 0 ok, 1 a gate failed (`--fail-on`), 2 usage or input error. */
export const EXIT_OK = 0;
export const EXIT_GATE = 1;
export const EXIT_USAGE = 2;
