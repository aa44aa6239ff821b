// What one partition's artifact holds, relative to the data root: the quality
// report (JSON and Markdown), the run record, and unless told otherwise the
// outputs the run published with their manifests.
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
  absolute.push(path.join(dataRoot, '_pipewright', 'runs', record.dagId, record.partition, `${record.runId}.json`));
  if (opts.uploadOutputs) {
    for (const output of record.outputs) {
      const file = path.resolve(dataRoot, output.path);
      absolute.push(file, path.join(path.dirname(file), MANIFEST_NAME));
    }
  }
  const relative = absolute.filter((f) => existsSync(f)).map((f) => path.relative(dataRoot, f));
  return [...new Set(relative)].sort();
}
