// Preloaded with `--import` into a benchmarked process: on exit it writes the
// process's peak RSS (KiB) to $PIPEWRIGHT_BENCH_RSS_FILE, so both sides of a
// comparison are measured by the same call whatever they run.
import { writeFileSync } from 'node:fs';

const target = process.env.PIPEWRIGHT_BENCH_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
