#!/usr/bin/env node
// The installed command runs the committed bundle, so no build step is needed.
import '../dist/cli/index.js';
