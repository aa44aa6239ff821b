// Literal credentials in a contract: found on the raw text (so they are caught
// in comments too), reported by location and kind, never echoed.

interface SecretPattern {
  kind: string;
  pattern: RegExp;
  /** Text every match contains, looked for first: most contracts hold none, and a search is cheaper than the pattern. */
  needle: string;
}

const PATTERNS: SecretPattern[] = [
  { kind: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g, needle: 'IA' },
  { kind: 'a GitHub token', pattern: /\b(?:ghp|gho|ghs|ghu|ghr)_[A-Za-z0-9]{30,}\b/g, needle: 'gh' },
  { kind: 'a GitHub token', pattern: /\bgithub_pat_[A-Za-z0-9_]{30,}\b/g, needle: 'github_pat_' },
  { kind: 'a private key', pattern: /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY( BLOCK)?-----/g, needle: '-----BEGIN ' },
  // scheme://user:password@host — an empty password or a {{ template }} is not a secret.
  {
    kind: 'a password in a URL',
    pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:(?!\{\{)[^\s/@]+@[^\s/]+/gi,
    needle: '://',
  },
];

export interface SecretFinding {
  kind: string;
  /** 1-based. */
  line: number;
  col: number;
}

/** No pattern spans a line: each is run over the whole text once, and a match is placed by its offset. */
export function findSecrets(text: string): SecretFinding[] {
  const findings: Array<SecretFinding & { order: number }> = [];
  PATTERNS.forEach(({ kind, pattern, needle }, order) => {
    if (!text.includes(needle)) return;
    for (const match of text.matchAll(pattern)) {
      const offset = match.index ?? 0;
      const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
      let line = 1;
      for (let at = text.indexOf('\n'); at >= 0 && at < lineStart; at = text.indexOf('\n', at + 1)) line++;
      findings.push({ kind, line, col: offset - lineStart + 1, order });
    }
  });
  // Line by line, each line's findings in pattern order, as they read.
  findings.sort((a, b) => a.line - b.line || a.order - b.order || a.col - b.col);
  return findings.map(({ kind, line, col }) => ({ kind, line, col }));
}

/** Replaces anything that looks like a credential, for messages that quote a value. */
export function redactSecrets(message: string): string {
  let out = message;
  for (const { pattern, needle } of PATTERNS) if (out.includes(needle)) out = out.replace(pattern, '<redacted>');
  return out;
}
