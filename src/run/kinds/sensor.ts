// `sensor: { path }`: waits for a file to appear, poking at an interval, and past its
// deadline fails or defers the partition to the next tick instead of holding a runner.
import type { SensorSpec } from '../../contract/model.js';
import type { ObjectStore } from '../../store/object-store.js';
import { keyInsideRoot, renderTemplate, templateVars } from '../../store/paths.js';
import type { AttemptResult, KindRunner } from '../attempt.js';
import { formatDuration } from '../duration.js';

/** A key, or with a trailing `/` any object under that prefix (Airflow's S3KeySensor, prefix mode). */
async function exists(store: ObjectStore, key: string): Promise<boolean> {
  if (!key.endsWith('/')) return (await store.head(key)) !== undefined;
  for await (const _ of store.list(key)) return true;
  return false;
}

export function sensorKind(spec: SensorSpec): KindRunner {
  return {
    cooperative: true,
    async run(env): Promise<AttemptResult> {
      const vars = { ...templateVars(env.partition), inputs: env.inputKeys, outputs: {} };
      const rendered = renderTemplate(spec.path, vars);
      const key = keyInsideRoot(rendered) + (rendered.endsWith('/') ? '/' : '');
      const shown = key;
      // give_up_after is measured from the end of the data interval: a partition long past
      // it stops waiting at once instead of holding a runner for its whole timeout again.
      const giveUpAt =
        spec.giveUpAfterMs === undefined ? undefined : Date.parse(env.partition.dataIntervalEnd) + spec.giveUpAfterMs;
      const deadline = Math.min(env.clock.now() + spec.timeoutMs, giveUpAt ?? Number.POSITIVE_INFINITY);
      for (let poke = 1; ; poke++) {
        if (await exists(env.store, key)) {
          env.logger.info(`${shown} is there (poke ${poke})`);
          return { status: 'success' };
        }
        const remaining = deadline - env.clock.now();
        if (remaining <= 0) break;
        const wait = Math.min(spec.pokeIntervalMs, remaining);
        env.logger.info(`waiting for ${shown}: next poke in ${formatDuration(wait)}`);
        try {
          await env.clock.sleep(wait, env.signal);
        } catch (reason) {
          const why = reason instanceof Error ? reason.message : 'cancelled';
          return { status: 'failed', failureClass: 'timeout', error: `${why} while waiting for ${shown}` };
        }
      }
      const pastGiveUp = giveUpAt !== undefined && deadline === giveUpAt;
      const message = pastGiveUp
        ? `${shown} did not appear by ${new Date(giveUpAt).toISOString()} (give_up_after ${formatDuration(spec.giveUpAfterMs ?? 0)} from the interval's end)`
        : `${shown} did not appear within ${formatDuration(spec.timeoutMs)}`;
      if (spec.onTimeout === 'defer') return { status: 'deferred', message: `${message}; deferred to the next tick` };
      // The deadline is the sensor's whole budget: retrying would wait past it.
      return { status: 'failed', failureClass: 'timeout', error: message, retryable: false };
    },
  };
}
