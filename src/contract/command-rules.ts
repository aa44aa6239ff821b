// A command's program should exist where `validate` runs: `pyton3` would only be
// found at the run's first attempt. A warning, not an error, located at the
// program: a workflow may install tools after validating.
import { readdirSync } from 'node:fs';
import { delimiter, dirname, resolve } from 'node:path';
import { isExecutable, isOnPath } from './memo.js';
import { isRecord, type Rule } from './rules.js';
import { didYouMean } from './suggest.js';

const pathDirs = () => (process.env.PATH ?? '').split(delimiter).filter(Boolean);

/** Every program name on PATH, for the suggestion (read only when a program is missing). */
function programsOnPath(): string[] {
  return pathDirs().flatMap((dir) => {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  });
}

const programExists: Rule = (data, source, out) => {
  if (!Array.isArray(data.tasks)) return;
  const pipelineDir = dirname(resolve(source.file));
  // Read once: each read of process.env copies the variable out of the environment.
  const path = process.env.PATH ?? '';
  data.tasks.forEach((task: unknown, index) => {
    if (!isRecord(task) || !Array.isArray(task.command)) return;
    const program = task.command[0];
    if (typeof program !== 'string' || program === '' || program.includes('{{')) return;
    const at = ['tasks', index, 'command', 0];
    const severity = 'warning' as const;
    if (program.includes('/')) {
      const cwd = resolve(pipelineDir, typeof task.cwd === 'string' ? task.cwd : '.');
      if (!isExecutable(resolve(cwd, program)))
        out.push(
          source.diagnostic(at, `program '${program}' is not an executable file (looked in ${cwd})`, { severity }),
        );
      return;
    }
    if (isOnPath(program, path)) return;
    out.push(
      source.diagnostic(
        at,
        `program '${program}' is not on PATH here${didYouMean(program, programsOnPath())}: fix the name, or install it before the run`,
        { severity },
      ),
    );
  });
};

export const commandRules: Rule[] = [programExists];
