import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeOfTaskError, userFrames } from './error-place.js';

const root = path.join(path.sep, 'repo');
const folder = path.join(root, 'pipelines');
const STACK = `TypeError: Cannot read properties of undefined (reading 'minutes')
    at sessionize (file:///repo/pipelines/sessions/tasks/sessionize.ts:2:17)
    at Array.map (<anonymous>)
    at file:///repo/pipelines/sessions/tasks/build.ts:9:5
    at async buildSessions (/repo/pipelines/sessions/tasks/build.ts:7:3)
    at async run (file:///repo/node_modules/pipewright/dist/cli/index.js:1:2)
    at lib (file:///repo/pipelines/node_modules/lib/index.js:4:4)`;

describe('userFrames', () => {
  it('keeps the frames in the pipelines folder, relative to the repository, outside node_modules', () => {
    expect(userFrames(STACK, folder, root)).toEqual([
      { fn: 'sessionize', file: 'pipelines/sessions/tasks/sessionize.ts', line: 2, col: 17 },
      { file: 'pipelines/sessions/tasks/build.ts', line: 9, col: 5 },
      { fn: 'async buildSessions', file: 'pipelines/sessions/tasks/build.ts', line: 7, col: 3 },
    ]);
  });
});

describe('placeOfTaskError', () => {
  it('reads the place a located error leads with, and nothing from a plain message', () => {
    expect(placeOfTaskError('pipelines/s/tasks/a.ts:12:7: boom\n    at f (pipelines/s/tasks/a.ts:12:7)')).toEqual({
      file: 'pipelines/s/tasks/a.ts',
      line: 12,
      col: 7,
      message: 'boom',
    });
    expect(placeOfTaskError('timed out after 15m')).toBe(undefined);
    expect(placeOfTaskError('exit code 1: Traceback (most recent call last):')).toBe(undefined);
  });
});
