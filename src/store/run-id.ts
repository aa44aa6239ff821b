// Run ids name ledger files and artifacts, so they must be filename-safe on every
// platform: Airflow's `<trigger>__<logical time>` shape with ISO 8601's basic
// format (no colons) and a random suffix so two runs started in the same second differ.

import { randomBytes } from 'node:crypto';
import type { Trigger } from './ledger.js';

/** e.g. `manual__20260502T060000Z__a1b2c3`. */
export function newRunId(trigger: Trigger, now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll('-', '')
    .replaceAll(':', '');
  return `${trigger}__${stamp}__${randomBytes(3).toString('hex')}`;
}
