// Vietnamese text folded for matching: a citizen on a tablet keyboard, a phone without a
// Vietnamese input method, or an officer pasting from a spreadsheet types "giay phep xay dung"
// for "Giấy phép xây dựng". Diacritics (tone and vowel marks) are stripped, đ/Đ become d (NFD
// does not decompose it: it is a letter of its own, not d with a mark), case is folded and
// runs of white space become one space.

const MARKS = /\p{M}/gu;

/** "Cấp GIẤY phép  Đường" → "cap giay phep duong". */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** True when every word of the query occurs in the text, both folded; an empty query matches. */
export function matchesFolded(foldedText: string, query: string): boolean {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  return words.every((w) => foldedText.includes(w));
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
