import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import { caseCode, normalizeCaseCode } from './code';

const bytes = fc.uint8Array({ minLength: 7, maxLength: 7 });

describe('case codes', () => {
  test('have the documented shape and survive what people type', () => {
    const code = caseCode(new Uint8Array([0, 1, 2, 3, 4, 5, 31]));
    expect(code).toMatch(/^PA-[0-9A-HJKMNP-TV-Z]{7}-[0-9A-HJKMNP-TV-Z]$/);
    expect(normalizeCaseCode(code)).toBe(code);
    expect(normalizeCaseCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
  });

  test('O and I/L typed for 0 and 1 are understood', () => {
    const code = caseCode(new Uint8Array([0, 1, 0, 1, 0, 1, 0]));
    const typed = code.replace(/0/g, 'O').replace(/1/g, 'l');
    expect(normalizeCaseCode(typed)).toBe(code);
  });

  test('every single-character substitution is caught by the check character', () => {
    fc.assert(
      fc.property(bytes, fc.nat(6), fc.nat(31), (random, pos, delta) => {
        const code = caseCode(random);
        const body = code.slice(3, 10);
        const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
        const replaced = alphabet[(alphabet.indexOf(body[pos]!) + 1 + (delta % 31)) % 32]!;
        const typo = `PA-${body.slice(0, pos)}${replaced}${body.slice(pos + 1)}-${code.at(-1)}`;
        expect(normalizeCaseCode(typo)).toBeNull();
      }),
    );
  });

  test.each(['', 'PA-', 'PA-1234567', 'PA-123456789-0', 'PA-UUUUUUU-0', '<script>'])('rejects %j', (input) => {
    expect(normalizeCaseCode(input)).toBeNull();
  });
});
