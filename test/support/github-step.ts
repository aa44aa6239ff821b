// A workflow step for act-driven tests: drives src/github's modules the way
// the action entries will, from `run: node --import <tsx> github-step.ts ...`.
//   upload <name> <rootDir> <file>...   list <prefix>   download <name> <dir>
//   summary <markdown file>             annotate <diagnostics json file>
import fs from 'node:fs';
import type { Diagnostic } from '../../src/contract/model.js';
import { errorMessage, isUserError } from '../../src/errors.js';
import { annotateDiagnostics, diagnosticsMarkdown } from '../../src/github/annotations.js';
import { ActionsArtifactSink } from '../../src/github/artifacts.js';
import { writeJobSummary } from '../../src/github/summary.js';

function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT;
  if (file) fs.appendFileSync(file, `${name}=${value}\n`);
}

async function main(argv: string[]): Promise<void> {
  const [command = '', ...rest] = argv;
  const sink = new ActionsArtifactSink();
  switch (command) {
    case 'upload': {
      const [name = '', root = '.', ...files] = rest;
      const ref = await sink.upload(name, files, root);
      console.log(`uploaded ${ref.name} id=${ref.id} size=${ref.size}`);
      setOutput('artifact-id', String(ref.id));
      return;
    }
    case 'list': {
      const names = (await sink.list(rest[0])).map((a) => a.name);
      console.log(`artifacts: ${names.join(' ')}`);
      setOutput('names', names.join(' '));
      return;
    }
    case 'download': {
      const [name = '', dir = '.'] = rest;
      console.log(`downloaded to ${await sink.download(name, dir)}`);
      return;
    }
    case 'summary': {
      const result = await writeJobSummary(fs.readFileSync(rest[0] ?? '', 'utf8'), { artifactName: rest[1] });
      setOutput('summary-truncated', String(result.truncated));
      return;
    }
    case 'annotate': {
      const diagnostics = JSON.parse(fs.readFileSync(rest[0] ?? '', 'utf8')) as Diagnostic[];
      const outcome = annotateDiagnostics(diagnostics);
      await writeJobSummary(diagnosticsMarkdown(diagnostics, outcome));
      setOutput('omitted', String(outcome.omittedErrors + outcome.omittedWarnings));
      return;
    }
    default:
      throw new Error(`github-step: unknown command ${JSON.stringify(command)}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (isUserError(error)) {
    process.stderr.write(`error: ${errorMessage(error)}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  }
});
