// The core's Logger on a runner: messages become Actions log lines, so a
// warning or error also shows up as an annotation on the run.
import * as core from '@actions/core';
import type { Logger } from '../log.js';

export function actionsLogger(): Logger {
  return {
    debug: (m) => core.debug(m),
    info: (m) => core.info(m),
    warning: (m) => core.warning(m),
    error: (m) => core.error(m),
  };
}
