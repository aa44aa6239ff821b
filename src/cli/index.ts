// Entry of the `pipewright` command (bundled to dist/cli/index.js).
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
