// The core's Logger on a runner: messages become Actions log lines, so a
// warning or error also shows up as an annotation on the run.

import { escapeLogText, type Logger } from '../log.js';
import * as core from './core.js';

export function actionsLogger(): Logger {
  return {
    debug: (m) => core.debug(m),
    // core.info writes the text as is; the others are commands whose data core escapes.
    info: (m) => core.info(escapeLogText(m)),
    warning: (m) => core.warning(m),
    error: (m) => core.error(m),
  };
}
