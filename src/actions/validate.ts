import './common/node-guard.js';
import { startImportProbe } from './validate/early-probe.js';

// The import process first, then the rest of the action (a chunk of its own), so the two load at once.
const early = startImportProbe();
try {
  const { runValidateAction } = await import('./validate/run.js');
  await runValidateAction(early);
} finally {
  early?.stop();
}
