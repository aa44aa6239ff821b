// Backfill progress. On a terminal: one bar redrawn in place, with finished
// partitions scrolling above it. Elsewhere: one line per finished partition.
import type { RunState } from '../store/ledger.js';
import type { TextSink } from './live-view.js';

export interface Progress {
  /** A partition started (shown on the bar). */
  started(key: string): void;
  /** A partition finished: printed as a line, counted on the bar. */
  finished(key: string, state: RunState | 'busy' | 'unchanged' | 'skipped', detail: string): void;
  /** A line of its own (warnings, errors), above the bar. */
  note(line: string): void;
  close(): void;
}

const BAR_WIDTH = 24;

export function createProgress(out: TextSink, total: number, interactive: boolean): Progress {
  const running = new Set<string>();
  let done = 0;
  let failed = 0;
  let barShown = false;

  const bar = () => {
    const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
    const now = [...running].slice(0, 3).join(' ') + (running.size > 3 ? ' ...' : '');
    return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total}${failed ? `  ${failed} failed` : ''}${now ? `  running: ${now}` : ''}`;
  };
  const clearBar = () => {
    if (barShown) out.write('\r\x1b[2K');
    barShown = false;
  };
  const drawBar = () => {
    if (!interactive) return;
    clearBar();
    out.write(bar());
    barShown = true;
  };
  const line = (text: string) => {
    clearBar();
    out.write(`${text}\n`);
    drawBar();
  };

  drawBar();
  return {
    started(key) {
      running.add(key);
      drawBar();
    },
    finished(key, state, detail) {
      running.delete(key);
      done++;
      if (state === 'failed' || state === 'busy' || state === 'running') failed++;
      line(`[${done}/${total}] ${key} ${state}${detail ? `  ${detail}` : ''}`);
    },
    note: line,
    close() {
      clearBar();
    },
  };
}
