// Vietnamese text folded for matching: a citizen on a tablet keyboard, a phone without a
// Vietnamese input method, or an officer pasting from a spreadsheet types "giay phep xay dung"
// for "Giấy phép xây dựng". Diacritics (tone and vowel marks) are stripped, đ/Đ become d (NFD
// does not decompose it: it is a letter of its own, not d with a mark), case is folded and
// runs of white space become one space.

const MARKS = /[\u0300-\u036f]/g;

/** "Cấp GIẤY phép  Đường" → "cap giay phep duong". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query occurs in the text, both folded; an empty query matches. */
export function matchesFolded(foldedText: string, query: string): boolean {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  return words.every((w) => foldedText.includes(w));
}
