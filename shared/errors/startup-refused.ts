/**
 * A process cannot start for a reason its operator can fix (the data directory is in use, a
 * production install without keys). Its message says what to do; a stack trace would only bury it.
 */
export class StartupRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StartupRefusedError";
  }
}

/**
 * Awaits a command's opening step. A refusal is printed on stderr as it is and the process exits
 * with status 1; any other error propagates unchanged.
 */
export async function exitIfRefused<T>(step: Promise<T>): Promise<T> {
  try {
    return await step;
  } catch (error) {
    if (!(error instanceof StartupRefusedError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
