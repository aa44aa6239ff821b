// The core logs through this interface so the same code writes to a terminal,
// the Actions log (src/github) or nowhere (tests).

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warning() {},
  error() {},
};

/**
 * Log text in which no line can start a workflow command: a runner reads any
 * output line beginning with `::` (after blanks) as one, so a newline smuggled into
 * a flag (`--date $'2026-05-01\n::error::owned'`) could forge annotations or
 * outputs. Such a line break is written as the two characters `\n`, and a
 * leading `::` is escaped with a backslash.
 */
export function escapeLogText(text: string): string {
  return text
    .replace(/(\r\n|\r|\n)(?=[^\S\r\n]*::)/g, (br: string) => br.replace('\r', '\\r').replace('\n', '\\n'))
    .replace(/^([^\S\r\n]*)::/, '$1\\::');
}

/** Plain lines on stderr: the CLI's logger, keeping stdout for results. */
export function consoleLogger(verbose = false): Logger {
  const write = (m: string) => process.stderr.write(`${escapeLogText(m)}\n`);
  return {
    debug: (m) => {
      if (verbose) write(m);
    },
    info: (m) => write(m),
    warning: (m) => write(`warning: ${m}`),
    error: (m) => write(`error: ${m}`),
  };
}
