/**
 * SurveyJS renders some properties as HTML (an `html` question, `completedHtml`, …). A survey
 * an administrator uploads is stored with those reduced to a small allow-list: text, paragraphs
 * and line breaks, lists, emphasis, and links to http(s), mailto: or tel: addresses. Everything
 * else goes: forms, styles, scripts, frames, event handlers, every other attribute. Written here
 * (no DOM on the server) as a strict tokenizer: what it does not recognise is escaped as text.
 */

const ALLOWED = new Set(['p', 'br', 'ul', 'ol', 'li', 'em', 'strong', 'b', 'i', 'a']);
const VOID = new Set(['br']);
// Dropped with everything inside them, not just their tags.
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'object',
  'embed',
  'noscript',
  'textarea',
  'select',
  'svg',
  'math',
  'title',
  'xmp',
  'noembed',
  'noframes',
  'plaintext',
  'head',
]);
const TAG = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const ENTITY = /^&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});/;
const SAFE_HREF = /^(?:https?:\/\/|mailto:|tel:|\/(?!\/)|#)/i;
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
  lpar: '(',
  rpar: ')',
};

const escapeText = (s: string) => s.replace(/[<>"]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
const escapeAttribute = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What a browser reads in an attribute value: character references decoded. */
function decodeReferences(value: string): string {
  return value.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);?/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** A link target this allow-list keeps, or null. */
function safeHref(raw: string): string | null {
  // Browsers ignore control characters and spaces inside a scheme ("java\tscript:").
  const href = decodeReferences(raw).replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return SAFE_HREF.test(href) ? href : null;
}

/** The HTML reduced to the allow-list; its text is kept, escaped where needed. */
export function sanitizeHtml(html: string): string {
  let out = '';
  const open: string[] = [];
  let i = 0;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '&') {
      const entity = ENTITY.exec(html.slice(i, i + 40));
      out += entity ? entity[0] : '&amp;';
      i += entity ? entity[0].length : 1;
      continue;
    }
    if (ch !== '<') {
      out += escapeText(ch);
      i += 1;
      continue;
    }
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? html.length : end + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      const end = html.indexOf('>', i);
      i = end < 0 ? html.length : end + 1;
      continue;
    }
    const tag = TAG.exec(html.slice(i));
    if (!tag) {
      out += '&lt;';
      i += 1;
      continue;
    }
    i += tag[0].length;
    const closing = tag[1] === '/';
    const name = tag[2]!.toLowerCase();
    if (!closing && DROP_WITH_CONTENT.has(name)) {
      const end = html.toLowerCase().indexOf(`</${name}`, i);
      if (end < 0) break;
      const gt = html.indexOf('>', end);
      i = gt < 0 ? html.length : gt + 1;
      continue;
    }
    if (!ALLOWED.has(name)) continue;
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at < 0) continue;
      while (open.length > at) out += `</${open.pop()}>`;
      continue;
    }
    if (VOID.has(name)) {
      out += `<${name}>`;
      continue;
    }
    if (name === 'a') {
      let href: string | null = null;
      for (const m of tag[3]!.matchAll(ATTRIBUTE)) {
        if (m[1]!.toLowerCase() === 'href') href = safeHref(m[2] ?? m[3] ?? m[4] ?? '');
      }
      out += href === null ? '<a>' : `<a href="${escapeAttribute(href)}" rel="noopener noreferrer">`;
    } else {
      out += `<${name}>`;
    }
    open.push(name);
  }
  while (open.length > 0) out += `</${open.pop()}>`;
  return out;
}

// `html` of an html question and of completedHtmlOnCondition items; completedHtml,
// completedBeforeHtml, loadingHtml of the survey: SurveyJS renders each as markup.
const HTML_PROPERTY = /^(?:html|[a-zA-Z]+Html)$/;

/** A copy of a SurveyJS JSON with every HTML-bearing property (plain or per locale) sanitised. */
export function sanitizeSurveyHtml(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(sanitizeSurveyHtml);
  if (json === null || typeof json !== 'object') return json;
  const out: Record<string, unknown> = {};
  // defineProperty: a "__proto__" key from JSON.parse stays an own key instead of a prototype.
  const put = (key: string, value: unknown) =>
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  for (const [key, value] of Object.entries(json)) {
    if (HTML_PROPERTY.test(key) && typeof value === 'string') put(key, sanitizeHtml(value));
    else if (HTML_PROPERTY.test(key) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      put(
        key,
        Object.fromEntries(
          Object.entries(value).map(([locale, text]) => [locale, typeof text === 'string' ? sanitizeHtml(text) : text]),
        ),
      );
    } else put(key, sanitizeSurveyHtml(value));
  }
  return out;
}
