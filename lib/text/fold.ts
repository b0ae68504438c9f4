/**
 * Vietnamese folding for search: "CHỜ", "Chờ", "cho" and "chờ" all become "cho". Decomposes (NFD),
 * strips the combining marks (tones and the breve, circumflex and horn), maps đ/Đ to d (đ is a
 * letter of its own, not d with a mark, so NFD leaves it) and lower-cases.
 */
export function foldVietnamese(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/**
 * foldVietnamese as a character translation for SQL without a user function (PostgreSQL's
 * `translate(text, from, to)`, then `lower`): every precomposed Latin letter that folds to one
 * ASCII letter, upper and lower case, and at the end of `from` the combining marks, which
 * `translate` deletes because `to` is shorter. Built from foldVietnamese itself, so they agree.
 */
export const FOLD_TRANSLATION: { from: string; to: string } = (() => {
  let from = '';
  let to = '';
  const ranges: [number, number][] = [
    [0x00c0, 0x024f], // Latin-1 Supplement letters, Latin Extended-A and -B
    [0x1e00, 0x1eff], // Latin Extended Additional: ạ, ả, ấ, ầ, ẩ, ẫ, ậ, … ỹ
  ];
  for (const [lo, hi] of ranges) {
    for (let code = lo; code <= hi; code++) {
      const c = String.fromCodePoint(code);
      const folded = foldVietnamese(c);
      if (folded !== c.toLowerCase() && /^[a-z]$/.test(folded)) {
        from += c;
        to += folded;
      }
    }
  }
  for (let code = 0x0300; code <= 0x036f; code++) from += String.fromCodePoint(code);
  return { from, to };
})();
