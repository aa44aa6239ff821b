import { describe, expect, it } from 'vitest';
import { createLiveView } from './live-view.js';
import { createProgress } from './progress.js';

function sink() {
  const chunks: string[] = [];
  return { write: (t: string) => void chunks.push(t), text: () => chunks.join('') };
}

describe('live view of a partition run', () => {
  it('on a terminal redraws the task table in place and keeps log lines above it', () => {
    const out = sink();
    let now = 0;
    const view = createLiveView(out, ['ingest', 'build'], true, undefined, () => now);
    view.onTaskState('ingest', 'running', 1);
    now = 1500;
    view.logger.info('ingest: 42 rows');
    view.onTaskState('ingest', 'success', 1);
    view.close();
    const text = out.text();
    expect(text).toContain('\x1b[2A\x1b[J'); // moved up over the two-row table and cleared it
    const lastFrame = text.slice(text.lastIndexOf('\x1b[J') + 3);
    expect(lastFrame).toBe(' + ingest  success  1.5s\n   build   waiting\n');
    expect(text).toContain('ingest: 42 rows\n');
  });

  it('elsewhere prints one plain line per state change and never moves the cursor', () => {
    const out = sink();
    const view = createLiveView(out, ['ingest'], false, undefined, () => Date.UTC(2026, 4, 2, 6, 0, 1));
    view.onTaskState('ingest', 'running', 1);
    view.onTaskState('ingest', 'up_for_retry', 1);
    view.onTaskState('ingest', 'running', 2);
    view.onTaskState('ingest', 'success', 2);
    view.close();
    expect(out.text()).toBe(
      [
        '06:00:01 ingest  running (attempt 1)',
        '06:00:01 ingest  up_for_retry (attempt 1)',
        '06:00:01 ingest  running (attempt 2)',
        '06:00:01 ingest  success',
        '',
      ].join('\n'),
    );
  });
});

describe('backfill progress', () => {
  it('prints a line per finished partition and counts failures', () => {
    const out = sink();
    const progress = createProgress(out, 2, false);
    progress.started('2026-05-01');
    progress.finished('2026-05-01', 'success', '');
    progress.finished('2026-05-02', 'failed', 'ingest: boom');
    progress.close();
    expect(out.text()).toBe('[1/2] 2026-05-01 success\n[2/2] 2026-05-02 failed  ingest: boom\n');
  });

  it('on a terminal draws a bar that fills up', () => {
    const out = sink();
    const progress = createProgress(out, 2, true);
    progress.started('2026-05-01');
    progress.finished('2026-05-01', 'success', '');
    const text = out.text();
    expect(text).toContain('[------------------------] 0/2  running: 2026-05-01');
    expect(text).toContain('[############------------] 1/2');
  });
});
