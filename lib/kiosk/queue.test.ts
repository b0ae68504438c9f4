import { describe, expect, test } from 'vitest';

import { decide, dueNow, inOrder, newEntry, nextStep, type QueueEntry } from './queue';

const NOW = 1_750_000_000_000;
const entry = (over: Partial<QueueEntry> = {}): QueueEntry => ({ ...newEntry('a', { id: 'a' }, NOW - 5_000), ...over });

describe('what the queue does after an attempt', () => {
  test.each([
    [201, 'remove'],
    [200, 'remove'], // a replay of a response the server already has
    [400, 'setAside'],
    [404, 'setAside'],
    [409, 'setAside'],
    [422, 'setAside'],
    [401, 'halt'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [null, 'retry'], // offline: fetch never got an answer
  ] as const)('status %s → %s', (status, action) => {
    expect(decide(entry(), { status }, NOW, 0.5).action).toBe(action);
  });

  test('a refused answer is set aside with the reason staff will see', () => {
    const d = decide(
      entry(),
      { status: 422, code: 'invalid_answers', message: 'satisfaction: out of scale' },
      NOW,
      0.5,
    );
    expect(d).toEqual({ action: 'setAside', reason: 'HTTP 422 invalid_answers: satisfaction: out of scale' });
  });

  test('backoff grows exponentially with jitter: ceiling 1 s, 2 s, 4 s … capped at 60 s', () => {
    // With random = 1 the wait is the full ceiling: 1000 · 2^attempts, capped at 60 000.
    const waits = [0, 1, 2, 3, 6, 10].map((attempts) => {
      const d = decide(entry({ attempts }), { status: null }, NOW, 1);
      if (d.action !== 'retry') throw new Error('expected retry');
      return d.entry.notBefore - NOW;
    });
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 60_000, 60_000]);
  });

  test('jitter spreads the tablets: random 0.25 of a 4 s ceiling waits 1 s, and never under 250 ms', () => {
    const at = (random: number) => {
      const d = decide(entry({ attempts: 2 }), { status: 503 }, NOW, random);
      return d.action === 'retry' ? d.entry.notBefore - NOW : -1;
    };
    expect(at(0.25)).toBe(1_000);
    expect(at(0)).toBe(250);
  });

  test('a longer Retry-After from the server wins over our own schedule', () => {
    const d = decide(entry(), { status: 429, retryAfter: 30 }, NOW, 1);
    expect(d.action === 'retry' && d.entry.notBefore - NOW).toBe(30_000);
  });

  test('a retry counts the attempt and records the error; the answer itself is unchanged', () => {
    const before = entry({ attempts: 3 });
    const d = decide(before, { status: null }, NOW, 0.5);
    expect(d.action).toBe('retry');
    if (d.action !== 'retry') return;
    expect(d.entry).toMatchObject({
      id: 'a',
      body: before.body,
      queuedAt: before.queuedAt,
      attempts: 4,
      lastError: 'network unreachable',
    });
  });

  test('a revoked tablet keeps the answer (halt), with a backoff before it asks again', () => {
    const d = decide(entry(), { status: 401, code: 'device_required' }, NOW, 1);
    expect(d.action).toBe('halt');
    expect(d.action === 'halt' && d.entry.notBefore).toBe(NOW + 1_000);
  });
});

describe('which entry is sent next', () => {
  const a = entry({ id: 'a', queuedAt: 1 });
  const b = entry({ id: 'b', queuedAt: 2 });
  const c = entry({ id: 'c', queuedAt: 2 });

  test('oldest first, ties broken by id', () => {
    expect(inOrder([c, b, a]).map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });

  test('an empty queue is idle', () => {
    expect(nextStep([], NOW)).toEqual({ idle: true });
  });

  test('the due head is sent', () => {
    expect(nextStep([b, a], NOW)).toEqual({ send: a });
  });

  test('a head waiting out its backoff holds the newer ones behind it', () => {
    const waiting = { ...a, notBefore: NOW + 4_000 };
    expect(nextStep([b, waiting], NOW)).toEqual({ waitMs: 4_000 });
  });

  test('coming back online makes everything due at once', () => {
    const waiting = { ...a, notBefore: NOW + 60_000 };
    expect(nextStep(dueNow([b, waiting]), NOW)).toEqual({ send: { ...a, notBefore: 0 } });
  });
});
