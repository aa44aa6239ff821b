export interface Logger {
    debug(message: string): void;
    info(message: string): void;
    warning(message: string): void;
    error(message: string): void;
}
export declare const silentLogger: Logger;
/**
 * Log text in which no line can start a workflow command: a runner reads any
 * output line beginning with `::` (after blanks) as one, so a newline smuggled into
 * a flag (`--date $'2026-05-01\n::error::owned'`) could forge annotations or
 * outputs. Such a line break is written as the two characters `\n`, and a
 * leading `::` is escaped with a backslash.
 */
export declare function escapeLogText(text: string): string;
/** Plain lines on stderr: the CLI's logger, keeping stdout for results. */
export declare function consoleLogger(verbose?: boolean): Logger;
