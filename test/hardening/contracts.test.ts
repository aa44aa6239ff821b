// Contracts that used to be accepted (or misread) and now get one located error
// each from `validate`; `run` refuses them with exit 2 and one line, without
// importing a module or writing a file.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipewright } from '../support/cli.js';
import { tempRoots } from '../support/temp.js';
import { contract, expectOneLine, tree, writePipeline } from './support.js';

const temp = tempRoots('pw-hardening-contract-');

const aliasBomb = [
  'a0: &a0 [x, x, x, x, x, x, x, x, x, x]',
  ...Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`),
].join('\n');

/** One case per item of issue 11: the contract, and the one line `validate` must print for it. */
const CASES: Record<string, { content: string | Uint8Array; error: string }> = {
  output_in_ledger: {
    content: contract('output_in_ledger', { top: 'outputs:\n  out: _pipewright/runs/good/x.json' }),
    error:
      "8:8: error: output 'out' path '_pipewright/runs/good/x.json' is inside _pipewright/, where pipewright keeps its ledger, locks and reports: choose another folder",
  },
  input_in_locks: {
    content: contract('input_in_locks', { top: 'inputs:\n  raw: ./_Pipewright/locks/x.lock' }),
    error:
      "8:8: error: input 'raw' path './_Pipewright/locks/x.lock' is inside _pipewright/, where pipewright keeps its ledger, locks and reports: choose another folder",
  },
  two_outputs_one_path: {
    content: contract('two_outputs_one_path', { top: 'outputs:\n  a: out/{{ ds }}.csv\n  b: ./out//{{ ds }}.csv' }),
    error:
      "9:6: error: output 'b' has the same path as output 'a' (line 8): a run would overwrite it; give each output its own path",
  },
  output_over_input: {
    content: contract('output_over_input', {
      top: 'inputs:\n  raw: raw/{{ ds }}.csv\noutputs:\n  out: raw/{{ ds }}.csv',
    }),
    error:
      "10:8: error: output 'out' has the same path as input 'raw' (line 8): a run would overwrite it; give each output its own path",
  },
  output_climbs_out: {
    content: contract('output_climbs_out', { top: 'outputs:\n  out: ../../etc/x' }),
    error: "8:8: error: output 'out' path '../../etc/x' climbs out of the data root with '..': keep it inside",
  },
  output_absolute: {
    content: contract('output_absolute', { top: 'outputs:\n  out: /etc/x' }),
    error: "8:8: error: output 'out' path '/etc/x' is absolute: write it relative to the data root",
  },
  sensor_outside: {
    content: contract('sensor_outside', { task: '  - id: wait\n    sensor:\n      path: ../../../../etc/passwd' }),
    error: "14:13: error: sensor path '../../../../etc/passwd' climbs out of the data root with '..': keep it inside",
  },
  handler_outside: {
    content: contract('handler_outside', { task: '  - id: evil\n    handler: ../../../evil.mjs#x' }),
    error:
      "13:14: error: handler module '../../../evil.mjs' climbs out of the pipeline folder with '..': keep it inside",
  },
  handler_absolute: {
    content: contract('handler_absolute', { task: '  - id: evil\n    handler: /tmp/evil.mjs#x' }),
    error: "13:14: error: handler module '/tmp/evil.mjs' is absolute: write it relative to the pipeline folder",
  },
  cwd_outside: {
    content: contract('cwd_outside', { task: '  - id: c\n    command: [ls]\n    cwd: ../../..' }),
    error: "14:10: error: cwd '../../..' climbs out of the pipeline folder with '..': keep it inside",
  },
  timeout_past_timer: {
    content: contract('timeout_past_timer', { task: '    timeout: 30d' }),
    error:
      "12:14: error: timeout '30d' is longer than the longest timer pipewright can hold (2,147,483,647 ms, about 24.8 days)",
  },
  retry_delay_past_timer: {
    content: contract('retry_delay_past_timer', { top: 'defaults:\n  retry_delay: 25d' }),
    error:
      "8:16: error: retry_delay '25d' is longer than the longest timer pipewright can hold (2,147,483,647 ms, about 24.8 days)",
  },
  timeout_zero: {
    content: contract('timeout_zero', { task: '    timeout: 0s' }),
    error: "12:14: error: timeout '0s' must be longer than zero",
  },
  absurd_retries: {
    content: contract('absurd_retries', { task: '    retries: 1000000' }),
    error: '12:14: error: tasks[0].retries must be at most 100 (got 1000000)',
  },
  unclosed_template: {
    content: contract('unclosed_template', { top: 'outputs:\n  out: out/dt={{ ds }/x.txt' }),
    error: "8:15: error: unclosed template '{{ ds }/x.txt': write {{ name }} with both closing braces",
  },
  invalid_utf8: {
    content: Buffer.concat(
      contract('invalid_utf8')
        .split('owner: tests')
        .flatMap((part, i) =>
          i === 0 ? [Buffer.from(part)] : [Buffer.from('owner: caf\xe9', 'latin1'), Buffer.from(part)],
        ),
    ),
    error: '3:11: error: invalid UTF-8 (byte 0xe9): save the contract as UTF-8',
  },
  nul_byte: {
    content: contract('nul_byte').replace('owner: tests', 'owner: te\0sts'),
    error: '3:10: error: NUL byte in the contract: remove it (a contract is text)',
  },
  alias_bomb: {
    content: contract('alias_bomb', { top: `outputs:\n  out: out/{{ ds }}.txt\n${aliasBomb}` }),
    error: '10:10: error: YAML: Excessive alias count indicates a resource exhaustion attack',
  },
  half_hour_dst_hourly: {
    content: contract('half_hour_dst_hourly', { partition: 'hourly\ntimezone: Australia/Lord_Howe' }),
    error:
      "6:11: error: time zone 'Australia/Lord_Howe' moves its clocks by 30 minutes in 2026: hourly partitions need whole-hour changes; use partition: daily or a zone such as UTC",
  },
};

describe('validate refuses what run used to accept or misread, located', () => {
  it('prints one located error per case and exits 1', () => {
    const cwd = temp();
    for (const [id, { content }] of Object.entries(CASES)) writePipeline(cwd, id, content);
    const result = pipewright(cwd, ['validate', 'pipelines']);
    expect(result.status, result.stderr).toBe(1);
    const lines = result.stdout.split('\n').filter((l) => l.includes(': error: '));
    const expected = Object.entries(CASES)
      .map(([id, { error }]) => `pipelines/${id}/pipeline.yml:${error}`)
      .sort();
    expect(lines.sort()).toEqual(expected);
  });
});

describe('run refuses the same contracts: exit 2, one line, nothing imported or written', () => {
  it.each([
    'output_in_ledger',
    'handler_outside',
    'handler_absolute',
    'timeout_past_timer',
    'invalid_utf8',
    'alias_bomb',
  ])('%s', (id) => {
    const root = temp();
    const cwd = path.join(root, 'project');
    const { content } = CASES[id]!;
    // The absolute handler points into this test's folder, not at a shared /tmp file.
    writePipeline(
      cwd,
      id,
      typeof content === 'string' ? content.replace('/tmp/evil.mjs', `${root}/evil.mjs`) : content,
    );
    // What the escaping handler would import: it must never run.
    const evil =
      "import { writeFileSync } from 'node:fs';\nwriteFileSync(new URL('./evil-ran', import.meta.url), 'x');\nexport function x() {}\n";
    writeFileSync(path.join(root, 'evil.mjs'), evil);
    const before = tree(root);
    const result = pipewright(cwd, ['run', id, '--date', '2026-05-01', '--data-root', 'data']);
    expect(result.status, result.stderr).toBe(2);
    expectOneLine(result.stderr, new RegExp(`^pipewright run: pipelines/${id}/pipeline.yml:\\d+:\\d+: error: `));
    expect(tree(root)).toEqual(before);
  });
});

describe('validate warns about a command program it cannot find', () => {
  it('names a likely typo on PATH, located at the program; the contract stays valid', () => {
    const cwd = temp();
    const tasks = "  - id: typo\n    command: [nodee, -e, '1']\n  - id: script\n    command: [./scripts/missing.sh]";
    writePipeline(cwd, 'programs', contract('programs', { task: tasks }));
    const result = pipewright(cwd, ['validate', 'pipelines']);
    expect(result.status, result.stdout).toBe(0);
    expect(result.stdout.split('\n').filter((l) => l.includes(': warning: '))).toEqual([
      "pipelines/programs/pipeline.yml:13:15: warning: program 'nodee' is not on PATH here (did you mean 'node'?): fix the name, or install it before the run",
      `pipelines/programs/pipeline.yml:15:15: warning: program './scripts/missing.sh' is not an executable file (looked in ${cwd}/pipelines/programs)`,
    ]);
  });
});
