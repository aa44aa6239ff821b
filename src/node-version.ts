// The oldest Node that runs pipewright: 22.18 strips TypeScript types without a flag and has
// module.registerHooks (src/run/module-format.ts). package.json `engines` says the same
// (src/node-version.test.ts keeps them together).
export const MINIMUM_NODE = '22.18.0';

function parts(version: string): number[] {
  return version
    .replace(/^v/, '')
    .split('.')
    .map((p) => Number.parseInt(p, 10) || 0);
}

/** The one line an entry prints before refusing to start, or undefined when `version` is recent enough. */
export function nodeTooOld(version: string, minimum = MINIMUM_NODE): string | undefined {
  const have = parts(version);
  const need = parts(minimum);
  for (let i = 0; i < need.length; i++) {
    const a = have[i] ?? 0;
    const b = need[i] ?? 0;
    if (a > b) return undefined;
    if (a < b)
      return `pipewright needs Node ${minimum} or newer (for its TypeScript type stripping); this is Node ${version.replace(/^v/, '')}: install Node 24 (or set node-version: 24 in actions/setup-node)`;
  }
  return undefined;
}
