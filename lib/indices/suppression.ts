/**
 * A cell is suppressed below `minResponses` answers (docs/domain.md, statistics). A cell with no answers at all
 * is always suppressed, even with `minResponses: 0`, because 0/0 has no index.
 */
export function isSuppressed(n: number, minResponses: number): boolean {
  if (!Number.isFinite(minResponses) || minResponses < 0) {
    throw new RangeError(`minResponses must be a finite number ≥ 0, got ${minResponses}`);
  }
  return n === 0 || n < minResponses;
}
