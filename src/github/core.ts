// The workflow commands the actions use: inputs, outputs, log lines, annotations,
// masks, groups and the job summary. Each is @actions/core's own code, taken from
// its command modules instead of its root: the root also loads its OIDC client,
// and with it undici, http, https and tunnel (actions/toolkit#1560), which cost
// every action about 20 ms of its cold start though none asks for a token.
// `@actions/core`'s package exports only its root, so its modules are reached by
// path; package-lock.json pins the version these paths belong to.
import { EOL } from 'node:os';
import type { AnnotationProperties } from '@actions/core';
import { issue, issueCommand } from '../../node_modules/@actions/core/lib/command.js';
import { issueFileCommand, prepareKeyValueMessage } from '../../node_modules/@actions/core/lib/file-command.js';
import { toCommandProperties, toCommandValue } from '../../node_modules/@actions/core/lib/utils.js';

export { summary } from '../../node_modules/@actions/core/lib/summary.js';
export { getInput } from './input.js';
export type { AnnotationProperties };

export function setOutput(name: string, value: unknown): void {
  if (process.env.GITHUB_OUTPUT) {
    issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    return;
  }
  // Outside a runner that gives the file (an old runner, a local run): the logged command.
  process.stdout.write(EOL);
  issueCommand('set-output', { name }, toCommandValue(value));
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

export function info(message: string): void {
  process.stdout.write(message + EOL);
}

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

const annotate =
  (command: 'error' | 'warning' | 'notice') =>
  (message: string | Error, properties: AnnotationProperties = {}): void =>
    issueCommand(command, toCommandProperties(properties), message instanceof Error ? message.toString() : message);

export const error = annotate('error');
export const warning = annotate('warning');
export const notice = annotate('notice');

/** Fails the step: exit code 1 once the process ends, and the message as an error annotation. */
export function setFailed(message: string | Error): void {
  process.exitCode = 1;
  error(message);
}

export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issue('group', name);
  try {
    return await fn();
  } finally {
    issue('endgroup');
  }
}
