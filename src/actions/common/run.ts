// The one wrapper every action runs in: a user's mistake (bad input, invalid
// contract, a busy partition, state to repair) fails the step with one line and nothing done; a
// bug fails it with the stack; a thrown non-Error is still a failure.

import { errorMessage, isUserError } from '../../errors.js';
import * as core from '../../github/core.js';
import { stateErrorFromFs } from '../../store/fs-errors.js';

export async function runAction(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (thrown) {
    const error = stateErrorFromFs(thrown) ?? thrown;
    if (isUserError(error)) core.setFailed(`pipewright ${name}: ${errorMessage(error)}`);
    else if (error instanceof Error)
      core.setFailed(`pipewright ${name}: unexpected error\n${error.stack ?? error.message}`);
    else core.setFailed(`pipewright ${name}: unexpected error (a thrown ${typeof error}): ${String(error)}`);
  }
}
