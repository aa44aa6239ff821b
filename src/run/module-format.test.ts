import { describe, expect, it } from 'vitest';
import { folderUrl, moduleFormatFor, moduleFormatHookSource } from './module-format.js';

const roots = [folderUrl('/repo/pipelines')];

describe('moduleFormatFor', () => {
  it('makes .ts and .js task code under the pipelines folder ES modules', () => {
    expect(moduleFormatFor('file:///repo/pipelines/sales/tasks/build.ts', roots)).toBe('module-typescript');
    expect(moduleFormatFor('file:///repo/pipelines/_shared/csv.js?v=1', roots)).toBe('module');
  });

  it("leaves .cts/.cjs, node_modules and everything outside the folder to Node's rules", () => {
    expect(moduleFormatFor('file:///repo/pipelines/sales/tasks/legacy.cts', roots)).toBe(undefined);
    expect(moduleFormatFor('file:///repo/pipelines/sales/tasks/legacy.cjs', roots)).toBe(undefined);
    expect(moduleFormatFor('file:///repo/pipelines/node_modules/x/index.js', roots)).toBe(undefined);
    expect(moduleFormatFor('file:///repo/pipelines-old/sales/tasks/build.ts', roots)).toBe(undefined);
    expect(moduleFormatFor('file:///repo/src/tool.ts', roots)).toBe(undefined);
  });

  it('travels to a child process as source that defines the same function', () => {
    const source = moduleFormatHookSource(roots);
    expect(source).toContain(`const moduleFormatRoots = ${JSON.stringify(roots)};`);
    const same = new Function(
      `return ${/const moduleFormatFor = (.*?);\nconst moduleFormatRoots/s.exec(source)?.[1]}`,
    )() as (url: string, roots: string[]) => string | undefined;
    expect(same('file:///repo/pipelines/sales/tasks/build.ts', roots)).toBe('module-typescript');
  });
});
