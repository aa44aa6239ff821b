// Durations in contracts: a number and a unit, e.g. 500ms, 30s, 5m, 1h, 1d.

const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;

/**
 * The longest duration a timer can hold: Node's setTimeout fires after 1 ms for
 * anything at or above 2^31 ms, so a longer timeout or delay would be misread.
 */
export const MAX_DURATION_MS = 2 ** 31 - 1;

/** Milliseconds of a duration, or undefined when the text is not one. */
export function parseDuration(text: string): number | undefined {
  const match = DURATION.exec(text.trim());
  if (!match) return undefined;
  return Math.round(Number(match[1]) * UNIT_MS[match[2]!]!);
}
