import { describe, expect, test } from 'vitest';

import { MAX_WEBHOOK_ATTEMPTS, signBody, verifySignature, webhookOutcome } from './sign';

describe('webhook signatures', () => {
  const secret = 'whsec-0123456789abcdef';
  test('a known HMAC-SHA256 value, verified only for the exact body and secret', () => {
    // echo -n '{"a":1}' | openssl dgst -sha256 -hmac whsec-0123456789abcdef
    const sig = signBody(secret, '{"a":1}');
    expect(sig).toBe('sha256=f4960d29ba78a8cf4db4e10e97fbd08a44f133ed33ef5e641031b9dfe7850b37');
    expect(verifySignature(secret, '{"a":1}', sig)).toBe(true);
    expect(verifySignature(secret, '{"a":2}', sig)).toBe(false);
    expect(verifySignature('another-secret-value', '{"a":1}', sig)).toBe(false);
    expect(verifySignature(secret, '{"a":1}', null)).toBe(false);
  });
});

describe('webhook outcome', () => {
  test.each([
    [200, 1, 'delivered'],
    [204, 1, 'delivered'],
    [500, 1, 'retry'],
    [null, 3, 'retry'],
    [429, 2, 'retry'],
    [404, 1, 'failed'],
    [503, MAX_WEBHOOK_ATTEMPTS, 'failed'],
  ] as const)('HTTP %s after %s attempts → %s', (status, attempts, expected) => {
    expect(webhookOutcome(status, attempts)).toBe(expected);
  });
});
