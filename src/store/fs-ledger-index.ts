// The filesystem ledger's index (see ledger-index.ts):
// `_pipewright/index/<dag_id>/<generation>.json`. Each update links a new
// generation into place with link(2), which fails if that generation exists, so
// of two writers racing from the same generation one wins and the other applies
// its change again on the winner's index: no lock to go stale, no update lost.
// Old generations are removed, so a writer checks after linking that its
// generation is still the latest (its name may have been freed by that removal).
// Readers take the highest generation; older ones are removed behind them.
import { randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isCode } from './errno.js';
import { indexText, type LedgerIndex, parseIndex } from './ledger-index.js';

const GENERATION = /^(\d+)\.json$/;
/** Races lost in a row before an update gives up (the index is a cache: the records stay the truth). */
const MAX_ATTEMPTS = 50;

export interface IndexVersion {
  generation: number;
  index: LedgerIndex;
}

/** The index's folder for one pipeline. */
export function indexDir(stateDir: string, dagId: string): string {
  return join(stateDir, 'index', dagId);
}

/** The current index (empty when there is none or it cannot be read). */
export async function readIndex(dir: string, dagId: string): Promise<IndexVersion> {
  for (let attempt = 0; ; attempt++) {
    const generation = await latestGeneration(dir);
    if (generation === 0) return { generation, index: parseIndex(undefined, dagId) };
    try {
      return { generation, index: parseIndex(await readFile(generationPath(dir, generation), 'utf8'), dagId) };
    } catch (error) {
      // Removed by a writer that just published a newer one: read that.
      if (!isCode(error, 'ENOENT') || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/**
 * Applies `change` to the current index and publishes the result as the next
 * generation; when another writer published first, applies it again to theirs.
 */
export async function updateIndex(
  dir: string,
  dagId: string,
  change: (index: LedgerIndex) => LedgerIndex | Promise<LedgerIndex>,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    for (let attempt = 1; ; attempt++) {
      const current = await readIndex(dir, dagId);
      await writeFile(temp, indexText(await change(current.index)));
      const next = current.generation + 1;
      try {
        await link(temp, generationPath(dir, next));
      } catch (error) {
        if (!isCode(error, 'EEXIST') || attempt >= MAX_ATTEMPTS) throw error;
        continue;
      }
      // A writer that fell behind can find its name free again: published and pruned since it read. Then its
      // generation is not the latest and nobody will read it: taken back, the change goes onto the latest.
      if ((await latestGeneration(dir)) > next) {
        await unlink(generationPath(dir, next)).catch(() => {});
        if (attempt >= MAX_ATTEMPTS) throw new Error(`the ledger index in ${dir} kept moving ahead of this update`);
        continue;
      }
      await removeOlder(dir, current.generation);
      return;
    }
  } finally {
    await unlink(temp).catch(() => {});
  }
}

async function latestGeneration(dir: string): Promise<number> {
  let latest = 0;
  for (const name of await namesIn(dir)) {
    const match = GENERATION.exec(name);
    if (match) latest = Math.max(latest, Number(match[1]));
  }
  return latest;
}

/** Generations before `keep` (which a reader may still be opening) go. */
async function removeOlder(dir: string, keep: number): Promise<void> {
  for (const name of await namesIn(dir)) {
    const match = GENERATION.exec(name);
    if (match && Number(match[1]) < keep) await unlink(join(dir, name)).catch(() => {});
  }
}

function generationPath(dir: string, generation: number): string {
  return join(dir, `${generation}.json`);
}

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return [];
    throw error;
  }
}
