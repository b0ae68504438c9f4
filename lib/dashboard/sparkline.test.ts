import { expect, test } from 'vitest';

import { linePath } from './sparkline';

test('points spread over the width, 0–100 mapped to height … 0, gaps break the line', () => {
  // Four points over 300 px: x = 0, 100, 200, 300; 50 % of 200 px high is y = 100.
  expect(linePath([50, 100, null, 0], 300, 200)).toBe('M0.0,100.0 L100.0,0.0 M300.0,200.0');
  expect(linePath([80], 300, 200, 50, 100)).toBe('M150.0,80.0');
});
