import { describe, expect, it } from 'vitest';

import { rateDecision } from './ratelimit';

const rule = { limit: 3, windowMs: 60_000 };
const minute = 29_000_000 * 60_000;

describe('rateDecision', () => {
  it('allows up to the limit in a window with no history, then refuses with the time left', () => {
    expect(rateDecision(rule, minute + 1000, 0, 1)).toEqual({ allowed: true });
    expect(rateDecision(rule, minute + 1000, 0, 3)).toEqual({ allowed: true });
    expect(rateDecision(rule, minute + 15_000, 0, 4)).toEqual({ allowed: false, retryAfterSeconds: 45 });
  });

  it('weighs the previous window by the share of it still inside the sliding minute', () => {
    // A quarter into the window, 3/4 of the previous window's 4 hits still count: 3 + 0 = 3 ≥ 3.
    expect(rateDecision(rule, minute + 15_000, 4, 1).allowed).toBe(false);
    // Three quarters in, only 1 of them counts: room for two more.
    expect(rateDecision(rule, minute + 45_000, 4, 1).allowed).toBe(true);
    expect(rateDecision(rule, minute + 45_000, 4, 2).allowed).toBe(true);
    expect(rateDecision(rule, minute + 45_000, 4, 3).allowed).toBe(false);
  });

  it('never refuses when the limit is 0 (rate limiting off)', () => {
    expect(rateDecision({ limit: 0, windowMs: 60_000 }, minute, 1e6, 1e6)).toEqual({ allowed: true });
  });

  it('asks for at least one second', () => {
    expect(rateDecision(rule, minute + 59_999, 0, 10)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });
});
