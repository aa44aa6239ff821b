// Values the schema can parse but the executor would misread: durations beyond
// what a timer holds, zero timeouts and poke intervals. (Retries are capped in
// the schema.)
import { MAX_DURATION_MS, parseDuration } from './duration.js';
import { isRecord, type Raw, type Rule } from './rules.js';
import type { PathSegment } from './source.js';

// Formatted only when a contract breaks it: the first toLocaleString of a process
// loads ICU's number data, 5 ms of every validate's cold start.
const limit = () => `${MAX_DURATION_MS.toLocaleString('en-US')} ms, about 24.8 days`;
const POLICY_KEYS = ['retry_delay', 'max_retry_delay', 'timeout'];
/** Keys where zero means "never wait" and would end every attempt at once, or spin. */
const POSITIVE = new Set(['timeout', 'poke_interval']);

function checkDurations(map: Raw, at: PathSegment[], keys: string[], push: (p: PathSegment[], m: string) => void) {
  for (const key of keys) {
    const text = map[key];
    if (typeof text !== 'string') continue;
    const ms = parseDuration(text);
    if (ms === undefined) continue; // the schema words a malformed duration
    if (ms > MAX_DURATION_MS)
      push([...at, key], `${key} '${text}' is longer than the longest timer pipewright can hold (${limit()})`);
    else if (ms === 0 && POSITIVE.has(key)) push([...at, key], `${key} '${text}' must be longer than zero`);
  }
}

const durationLimits: Rule = (data, source, out) => {
  const push = (path: PathSegment[], message: string) => out.push(source.diagnostic(path, message));
  if (isRecord(data.defaults)) checkDurations(data.defaults, ['defaults'], POLICY_KEYS, push);
  if (!Array.isArray(data.tasks)) return;
  data.tasks.forEach((task: unknown, index) => {
    if (!isRecord(task)) return;
    checkDurations(task, ['tasks', index], POLICY_KEYS, push);
    if (isRecord(task.sensor))
      checkDurations(task.sensor, ['tasks', index, 'sensor'], ['poke_interval', 'timeout'], push);
  });
};

export const limitRules: Rule[] = [durationLimits];
