// What `pipewright run` shows while a partition runs. On a terminal: a small table of
// task states redrawn in place, with task log lines scrolling above it. Elsewhere
// (CI logs, pipes): one line per state change, nothing ever rewritten.
import type { Logger } from '../log.js';
import type { TaskState } from '../store/ledger.js';
import { formatDuration } from './duration.js';
import type { TaskStateListener } from './task.js';

export interface TextSink {
  write(text: string): void;
}

export interface LiveView {
  /** Route task logs through this so they do not tear the table. */
  logger: Logger;
  onTaskState: TaskStateListener;
  /** Draws the final table (terminal) and stops the clock. */
  close(): void;
}

type ViewState = TaskState | 'running' | 'waiting';

interface Row {
  id: string;
  state: ViewState;
  attempt: number;
  since?: number;
  durationMs?: number;
}

const MARK: Record<ViewState, string> = {
  waiting: ' ',
  running: '>',
  success: '+',
  failed: 'x',
  upstream_failed: '-',
  skipped: '-',
  up_for_retry: '~',
  deferred: '.',
};

function clock(now: number): string {
  return new Date(now).toISOString().slice(11, 19);
}

export function createLiveView(
  out: TextSink,
  taskIds: string[],
  interactive: boolean,
  base?: Pick<Logger, 'debug'>,
  now: () => number = Date.now,
): LiveView {
  const rows = new Map<string, Row>(taskIds.map((id) => [id, { id, state: 'waiting', attempt: 0 }]));
  const width = Math.max(4, ...taskIds.map((id) => id.length));
  let drawn = 0;

  const render = (): string[] =>
    [...rows.values()].map((r) => {
      const elapsed = r.durationMs ?? (r.since !== undefined ? now() - r.since : undefined);
      const attempt = r.attempt > 1 ? `  attempt ${r.attempt}` : '';
      const time = elapsed !== undefined && r.state !== 'waiting' ? `  ${formatDuration(elapsed)}` : '';
      return ` ${MARK[r.state]} ${r.id.padEnd(width)}  ${r.state}${attempt}${time}`;
    });

  const erase = () => {
    if (drawn > 0) out.write(`\x1b[${drawn}A\x1b[J`);
    drawn = 0;
  };
  const draw = () => {
    const lines = render();
    out.write(`${lines.join('\n')}\n`);
    drawn = lines.length;
  };
  const redraw = () => {
    erase();
    draw();
  };
  const say = (line: string) => {
    if (!interactive) {
      out.write(`${line}\n`);
      return;
    }
    erase();
    out.write(`${line}\n`);
    draw();
  };

  const ticker = interactive ? setInterval(redraw, 500) : undefined;
  ticker?.unref();
  if (interactive) draw();

  return {
    logger: {
      debug: (m) => base?.debug(m),
      info: (m) => say(m),
      warning: (m) => say(`warning: ${m}`),
      error: (m) => say(`error: ${m}`),
    },
    onTaskState(taskId, state, attempt) {
      const row = rows.get(taskId) ?? { id: taskId, state: 'waiting', attempt: 0 };
      rows.set(taskId, row);
      if (state === 'running' && row.since === undefined) row.since = now();
      if (state !== 'running' && state !== 'up_for_retry' && row.since !== undefined) {
        row.durationMs = now() - row.since;
      }
      row.state = state;
      row.attempt = attempt;
      if (interactive) redraw();
      else {
        const what = state === 'running' || state === 'up_for_retry' ? `${state} (attempt ${attempt})` : state;
        out.write(`${clock(now())} ${taskId.padEnd(width)}  ${what}\n`);
      }
    },
    close() {
      if (ticker) clearInterval(ticker);
      if (interactive) redraw();
    },
  };
}
