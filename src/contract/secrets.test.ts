import { describe, expect, it } from 'vitest';
import { findSecrets, redactSecrets } from './secrets.js';

describe('findSecrets', () => {
  it('places every credential at its line and column, line by line, in pattern order within a line', () => {
    const text = [
      'dag_id: leaky',
      '# old key: AKIAABCDEFGHIJKLMNOP',
      'env:',
      '  DB: postgres://loader:hunter2@db.internal/sales  TOKEN: ghp_abcdefghijklmnopqrstuvwxyz0123456789',
      '  SAFE: postgres://loader:{{ secrets.pw }}@db/sales',
      '-----BEGIN RSA PRIVATE KEY-----',
    ].join('\n');
    expect(findSecrets(text)).toEqual([
      { kind: 'an AWS access key id', line: 2, col: 12 },
      { kind: 'a GitHub token', line: 4, col: 59 },
      { kind: 'a password in a URL', line: 4, col: 7 },
      { kind: 'a private key', line: 6, col: 1 },
    ]);
    expect(findSecrets('dag_id: clean\n')).toEqual([]);
  });

  it('redacts what it finds from a message', () => {
    expect(redactSecrets("value 'AKIAABCDEFGHIJKLMNOP' is not a path")).toBe("value '<redacted>' is not a path");
  });
});
