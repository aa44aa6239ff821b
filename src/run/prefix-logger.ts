// A logger whose lines say which task wrote them.
import type { Logger } from '../log.js';

export function prefixLogger(logger: Logger, prefix: string): Logger {
  return {
    debug: (m) => logger.debug(prefix + m),
    info: (m) => logger.info(prefix + m),
    warning: (m) => logger.warning(prefix + m),
    error: (m) => logger.error(prefix + m),
  };
}
