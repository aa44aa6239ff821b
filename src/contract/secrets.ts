// Literal credentials in a contract: found on the raw text (so they are caught
// in comments too), reported by location and kind, never echoed.

interface SecretPattern {
  kind: string;
  pattern: RegExp;
}

const PATTERNS: SecretPattern[] = [
  { kind: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  { kind: 'a GitHub token', pattern: /\b(?:ghp|gho|ghs|ghu|ghr)_[A-Za-z0-9]{30,}\b/g },
  { kind: 'a GitHub token', pattern: /\bgithub_pat_[A-Za-z0-9_]{30,}\b/g },
  { kind: 'a private key', pattern: /-----BEGIN (?:[A-Z]+ )*PRIVATE KEY( BLOCK)?-----/g },
  // scheme://user:password@host — an empty password or a {{ template }} is not a secret.
  { kind: 'a password in a URL', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:(?!\{\{)[^\s/@]+@[^\s/]+/gi },
];

export interface SecretFinding {
  kind: string;
  /** 1-based. */
  line: number;
  col: number;
}

export function findSecrets(text: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  const lines = text.split('\n');
  lines.forEach((lineText, index) => {
    for (const { kind, pattern } of PATTERNS) {
      for (const match of lineText.matchAll(pattern)) {
        findings.push({ kind, line: index + 1, col: (match.index ?? 0) + 1 });
      }
    }
  });
  return findings;
}

/** Replaces anything that looks like a credential, for messages that quote a value. */
export function redactSecrets(message: string): string {
  let out = message;
  for (const { pattern } of PATTERNS) out = out.replace(pattern, '<redacted>');
  return out;
}
