import { describe, expect, test } from 'vitest';

import { strictTransportSecurity } from './security-headers';

describe('strictTransportSecurity', () => {
  test.each([
    ['https://hailong.example.gov.vn', ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']],
    ['http://localhost:3000', null],
    ['http://hailong.example.gov.vn', null],
    [undefined, null],
  ])('%s → %j', (url, header) => {
    expect(strictTransportSecurity(url)).toEqual(header);
  });
});
