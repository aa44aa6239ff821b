// Imported first by every action entry: an older Node stops here with one line, exit 2,
// before any module that needs a newer one is evaluated.
import { nodeTooOld } from '../../node-version.js';

const tooOld = nodeTooOld(process.versions.node);
if (tooOld) {
  process.stderr.write(`::error::${tooOld}\n`);
  process.exit(2);
}
