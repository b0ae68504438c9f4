import { describe, expect, test } from 'vitest';

import { sanitizeHtml, sanitizeSurveyHtml } from './html-sanitize';

describe('sanitizeHtml keeps text, paragraphs, lists, emphasis and safe links', () => {
  test.each([
    ['Xin cảm ơn Ông/Bà!', 'Xin cảm ơn Ông/Bà!'],
    ['<p>Một <strong>hai</strong> <em>ba</em><br/>bốn</p>', '<p>Một <strong>hai</strong> <em>ba</em><br>bốn</p>'],
    ['<ul><li>a</li><li>b</li></ul>', '<ul><li>a</li><li>b</li></ul>'],
    ['<ol><li><b>x</b> <i>y</i></li></ol>', '<ol><li><b>x</b> <i>y</i></li></ol>'],
    [
      '<a href="https://dichvucong.gov.vn/p?a=1&amp;b=2">DVC</a>',
      '<a href="https://dichvucong.gov.vn/p?a=1&#38;b=2" rel="noopener noreferrer">DVC</a>',
    ],
    [
      '<a href="mailto:sxd@hanoi.gov.vn">thư</a>',
      '<a href="mailto:sxd@hanoi.gov.vn" rel="noopener noreferrer">thư</a>',
    ],
    ['<a href="tel:1022">1022</a>', '<a href="tel:1022" rel="noopener noreferrer">1022</a>'],
    ['<a href="/ket-qua">kết quả</a>', '<a href="/ket-qua" rel="noopener noreferrer">kết quả</a>'],
    ['&copy; 2026 &#272; &amp; a & b', '&copy; 2026 &#272; &amp; a &amp; b'],
  ])('%s', (input, output) => {
    expect(sanitizeHtml(input)).toBe(output);
  });
});

describe('sanitizeHtml removes everything else', () => {
  test.each([
    ['<script>alert(1)</script>ok', 'ok'],
    ['<SCRIPT SRC=//x.js></SCRIPT>ok', 'ok'],
    ['<style>body{display:none}</style>ok', 'ok'],
    ['<form action="https://evil.example"><input name="cccd"><button>Gửi</button></form>', 'Gửi'],
    ['<img src=x onerror=alert(1)>', ''],
    ['<p onclick="alert(1)" style="color:red" class="x">t</p>', '<p>t</p>'],
    ['<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="JaVa&#x09;ScRiPt&colon;alert(1)">x</a>', '<a>x</a>'],
    ['<a href=" java\nscript:alert(1)">x</a>', '<a>x</a>'],
    ['<a href="data:text/html,<script>alert(1)</script>">x</a>', '<a>x</a>'],
    ['<a href="//evil.example">x</a>', '<a>x</a>'],
    [
      '<a href="https://a.example" target="_top" onmouseover="x()">x</a>',
      '<a href="https://a.example" rel="noopener noreferrer">x</a>',
    ],
    ['<iframe src="https://evil.example"></iframe>ok', 'ok'],
    ['<svg><script>alert(1)</script></svg>ok', 'ok'],
    ['<!-- <script>alert(1)</script> -->ok', 'ok'],
    ['<![CDATA[x]]>ok', 'ok'],
    ['<scr<script>ipt>alert(1)</script>', '&lt;scr'],
    ['<p>unclosed <strong>bold', '<p>unclosed <strong>bold</strong></p>'],
    ['</p></li>stray', 'stray'],
    ['<em><p>x</em></p>', '<em><p>x</p></em>'],
    ['1 < 2 > 0 "q"', '1 &lt; 2 &gt; 0 &quot;q&quot;'],
    ['<p <script>', '<p></p>'],
    ['<script>never closed', ''],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example">', ''],
    ['<base href="https://evil.example/">', ''],
  ])('%s', (input, output) => {
    expect(sanitizeHtml(input)).toBe(output);
  });
});

test('sanitising twice changes nothing more', () => {
  for (const html of [
    '<a href="https://x.example/?a=1&amp;b=2">x</a>',
    '<p>1 < 2 & <em>3</em></p>',
    '<scr<script>x</script>',
  ]) {
    expect(sanitizeHtml(sanitizeHtml(html))).toBe(sanitizeHtml(html));
  }
});

describe('sanitizeSurveyHtml', () => {
  test('every HTML-bearing property, plain or per locale, anywhere in the survey', () => {
    const json = {
      title: 'Phiếu <b>không</b> phải HTML',
      completedHtml: { default: '<p>Cảm ơn</p><style>*{}</style>', en: '<p>Thanks</p><form></form>' },
      completedBeforeHtml: '<script>x</script>Đã trả lời',
      completedHtmlOnCondition: [{ expression: '{a} = 1', html: '<p onclick=x>ok</p>' }],
      pages: [
        { name: 'p1', elements: [{ type: 'html', name: 'intro', html: '<form><input></form><em>Xin chào</em>' }] },
      ],
    };
    expect(sanitizeSurveyHtml(json)).toEqual({
      title: 'Phiếu <b>không</b> phải HTML',
      completedHtml: { default: '<p>Cảm ơn</p>', en: '<p>Thanks</p>' },
      completedBeforeHtml: 'Đã trả lời',
      completedHtmlOnCondition: [{ expression: '{a} = 1', html: '<p>ok</p>' }],
      pages: [{ name: 'p1', elements: [{ type: 'html', name: 'intro', html: '<em>Xin chào</em>' }] }],
    });
  });

  test('a "__proto__" key stays a plain key', () => {
    const out = sanitizeSurveyHtml(JSON.parse('{"__proto__": {"html": "<script>x</script>"}}')) as object;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe('{"__proto__":{"html":""}}');
  });
});
