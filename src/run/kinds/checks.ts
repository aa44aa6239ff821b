// `checks: { dataset, rules }`: declarative checks on one input or output. A failed
// error-severity check is a data failure: never retried, blocks what depends on it.
import type { ChecksSpec } from '../../contract/model.js';
import { type CheckSource, runChecks } from '../../quality/checks.js';
import type { AttemptResult, KindRunner } from '../attempt.js';

export function checksKind(spec: ChecksSpec): KindRunner {
  return {
    cooperative: false,
    async run(env): Promise<AttemptResult> {
      const name = spec.dataset;
      if (env.inputKeys[name] === undefined && env.pipeline.outputs[name] === undefined) {
        return { status: 'failed', failureClass: 'code', error: `no input or output named '${name}'` };
      }
      // Named as a path on a folder (as before), as an s3:// address in a bucket.
      const shown = env.outputs[name] ?? env.inputs[name] ?? `${name} (${env.dataRoot})`;
      const source: CheckSource = {
        name: shown,
        missing: async () => ((await env.datasets.exists(name)) ? undefined : `file not found: ${shown}`),
        chunks: (options) => env.datasets.read(name, { signal: env.signal, ...options }),
      };
      const partition = {
        key: env.partition.key,
        dataIntervalStart: env.partition.dataIntervalStart,
        dataIntervalEnd: env.partition.dataIntervalEnd,
      };
      // Found while the task before wrote the dataset (the same pass over the same bytes), or read now.
      const checks =
        env.checkedWhileWritten?.(name) ??
        (await runChecks(source, spec.dataset, spec.rules, { partition, timezone: env.pipeline.timezone }));
      for (const check of checks) {
        if (check.status !== 'passed') env.logger.warning(`${check.name} ${check.status}: ${check.details}`);
      }
      const blocking = checks.filter((c) => c.status === 'failed' && c.severity === 'error');
      if (blocking.length === 0) return { status: 'success', checks };
      const names = blocking.map((c) => c.name).join(', ');
      return { status: 'failed', failureClass: 'data', error: `failed checks on ${spec.dataset}: ${names}`, checks };
    },
  };
}
