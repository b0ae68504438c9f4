import { describe, expect, test } from 'vitest';

import { clientNetwork } from './client-network';

describe('the network a rate limit counts', () => {
  test.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3:8d3::/64'],
    // Other addresses of the same /64, however they are written, are the same client.
    ['2001:0db8:85a3:08d3::1', '2001:db8:85a3:8d3::/64'],
    ['[2001:DB8:85A3:8D3:ffff::2]', '2001:db8:85a3:8d3::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('%s counts as %s', (address, network) => {
    expect(clientNetwork(address)).toBe(network);
  });

  test('the next /64 is another client', () => {
    expect(clientNetwork('2001:db8:85a3:8d4::1')).not.toBe(clientNetwork('2001:db8:85a3:8d3::1'));
  });
});
