// Preloaded with `--import` into a benchmarked process: on exit it writes the
// process's peak RSS (KiB) and CPU time (ms, user + system, every thread) to
// $PIPEWRIGHT_BENCH_RSS_FILE, so both sides of a comparison are measured by
// the same call whatever they run.
import { writeFileSync } from 'node:fs';

const target = process.env.PIPEWRIGHT_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
    writeFileSync(target, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMs }));
  });
}
