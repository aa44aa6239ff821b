// What one partition's artifact holds, relative to the data root: the quality
// report (JSON and Markdown), the run record, and unless told otherwise the
// outputs the run published with their manifests (or, when it published
// nothing, what its tasks staged).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Pipeline } from '../../contract/model.js';
import { toJsonText } from '../../json.js';
import { renderReportMarkdown } from '../../quality/report.js';
import type { RunPartitionResult } from '../../run/partition.js';
import { createAtomicWriter } from '../../store/atomic.js';
import { MANIFEST_NAME } from '../../store/manifest.js';

export async function evidenceFiles(opts: {
  pipeline: Pipeline;
  dataRoot: string;
  result: RunPartitionResult;
  uploadOutputs: boolean;
  /** Where the ledger keeps the run's record. */
  recordPath: string;
}): Promise<string[]> {
  const { pipeline, dataRoot, result } = opts;
  const { record } = result;
  const absolute: string[] = [];
  let reportPaths = result.reportPaths;
  if (!reportPaths) {
    // The contract declares no quality_report output: keep the report beside the ledger instead.
    const dir = path.join(dataRoot, '_pipewright', 'reports', pipeline.dagId, record.partition);
    reportPaths = { json: path.join(dir, 'quality_report.json'), markdown: path.join(dir, 'quality_report.md') };
    const writer = createAtomicWriter(dataRoot);
    await writer.writeFile(reportPaths.json, toJsonText(result.report));
    await writer.writeFile(reportPaths.markdown, renderReportMarkdown(result.report));
  }
  absolute.push(reportPaths.json, reportPaths.markdown, path.join(path.dirname(reportPaths.json), MANIFEST_NAME));
  absolute.push(opts.recordPath);
  if (opts.uploadOutputs) {
    for (const output of record.outputs) {
      const file = path.resolve(dataRoot, output.path);
      absolute.push(file, path.join(path.dirname(file), MANIFEST_NAME));
    }
    // A run that did not publish: its staged outputs are what someone will want to look at.
    if (record.publication !== 'published') {
      for (const task of record.tasks)
        for (const output of task.outputs ?? []) absolute.push(path.resolve(dataRoot, output.path));
    }
  }
  const relative = absolute.filter((f) => existsSync(f)).map((f) => path.relative(dataRoot, f));
  return [...new Set(relative)].sort();
}
