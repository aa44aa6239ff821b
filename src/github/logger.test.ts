import { describe, expect, it } from 'vitest';
import { actionsLogger } from './logger.js';

describe('actionsLogger', () => {
  it('writes plain info lines and workflow commands for debug, warning and error', () => {
    const lines: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      lines.push(String(chunk).trimEnd());
      return true;
    }) as typeof process.stdout.write;
    try {
      const log = actionsLogger();
      log.debug('planning 3 partitions');
      log.info('partition 2026-05-02: success');
      log.warning('sensor deferred: raw/orders missing');
      log.error('task load failed: 100% nulls');
    } finally {
      process.stdout.write = original;
    }
    expect(lines).toEqual([
      '::debug::planning 3 partitions',
      'partition 2026-05-02: success',
      '::warning::sensor deferred: raw/orders missing',
      '::error::task load failed: 100%25 nulls',
    ]);
  });
});
