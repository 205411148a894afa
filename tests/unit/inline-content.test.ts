/** The build step that takes inline scripts, styles and style attributes out of pages for the strict Content Security Policy. */
import { describe, expect, it } from 'vitest';
import { combineHeadStylesheets, externaliseInlineContent, linkStyleClassSheet, splitDeclarations, styleClassName, styleClassSheet, styleRule } from '../../src/lib/security/inline-content.ts';

const page = (head: string, body: string) => `<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('moving inline content out of a page', () => {
  it('turns an inline script into a same-origin file loaded from the same place, classic or module', () => {
    const result = externaliseInlineContent(page('', '<p>a</p><script>window.x=1;</script><astro-island></astro-island><script type="module">import("./y.js")</script>'), '/kit/_banso/');
    expect(result.files.map((file) => file.content)).toEqual(['window.x=1;', 'import("./y.js")']);
    const [classic, module] = result.files.map((file) => file.name);
    expect(classic).toMatch(/^inline\.[0-9a-f]{10}\.js$/);
    // Same order as before: the classic script still runs before the island element is parsed.
    expect(result.html).toContain(`<p>a</p><script src="/kit/_banso/${classic}"></script><astro-island></astro-island><script type="module" src="/kit/_banso/${module}"></script>`);
  });

  it('names a script by its content, so the same script on every page is one file', () => {
    const a = externaliseInlineContent(page('', '<script>same()</script>'), '/_banso/');
    const b = externaliseInlineContent(page('<title>b</title>', '<main></main><script>same()</script>'), '/_banso/');
    expect(a.files[0]!.name).toBe(b.files[0]!.name);
    expect(externaliseInlineContent(page('', '<script>other()</script>'), '/_banso/').files[0]!.name).not.toBe(a.files[0]!.name);
  });

  it('leaves data blocks and scripts that already have a source alone', () => {
    const html = page('<script type="module" src="/_banso/a.js"></script>', '<script type="application/json" id="data">{"a":"<\\u003c"}</script>');
    const result = externaliseInlineContent(html, '/_banso/');
    expect(result.files).toEqual([]);
    expect(result.html).toBe(html);
  });

  it('turns an inline <style> into a linked stylesheet in the same place, keeping its media', () => {
    const result = externaliseInlineContent(page('<style>a{color:red}</style>', '<div><style media="print">p{display:none}</style></div>'), '/_banso/');
    expect(result.files.map((file) => file.content)).toEqual(['a{color:red}', 'p{display:none}']);
    expect(result.html).toContain(`<link rel="stylesheet" href="/_banso/${result.files[0]!.name}"></head>`);
    expect(result.html).toContain(`<div><link rel="stylesheet" href="/_banso/${result.files[1]!.name}" media="print"></div>`);
    expect(result.html).not.toContain('<style');
  });

  it('turns style attributes into classes, one per distinct set of declarations, keeping existing classes', () => {
    const result = externaliseInlineContent(
      page('', '<span class="token" style="color:#0E1116">a</span><span style="color: #0E1116;">b</span><td style="text-align:right">1</td>'),
      '/_banso/',
    );
    expect(result.html).not.toContain('style=');
    const same = styleClassName('color:#0E1116');
    expect(styleClassName('color: #0E1116;')).toBe(same);
    expect(result.html).toContain(`<span class="token ${same}">a</span><span class="${same}">b</span>`);
    expect([...result.styleClasses.keys()]).toEqual([same, styleClassName('text-align:right')]);
  });

  it('moves the accent colour from the root element into a class', () => {
    const result = externaliseInlineContent('<!DOCTYPE html><html lang="en" style="--bn-accent: #1d5c87"><head></head><body></body></html>', '/_banso/');
    expect(result.html).toMatch(/^<!DOCTYPE html><html lang="en" class="bn-style-[0-9a-f]{10}"><head>/);
    expect(styleClassSheet(result.styleClasses)).toMatch(/^\.bn-style-[0-9a-f]{10}\{--bn-accent:#1d5c87 !important\}$/);
  });

  it('makes each copied declaration !important, as an inline style outranks ordinary rules, and splits only between declarations', () => {
    expect(splitDeclarations("background: url(a;b.png); content: ';'; color: red;")).toEqual(['background: url(a;b.png)', "content: ';'", 'color: red']);
    expect(styleRule('c', 'color: red; width: 2px !important')).toBe('.c{color: red !important;width: 2px !important}');
    expect(externaliseInlineContent(page('', '<p style="">x</p><p style=" ; ">y</p>'), '/_banso/').styleClasses.size).toBe(0);
  });

  it('reports what it cannot move: inline event handlers and javascript: links', () => {
    const result = externaliseInlineContent(page('', '<img src="a.png" onerror="alert(1)"><a href=" JavaScript:alert(1)">x</a><button id="go" onclick="x()">go</button><a href="/ok/">ok</a>'), '/_banso/');
    expect(result.problems).toEqual([
      '<img> has an inline event handler (onerror="…"); the policy blocks it. Use a script file.',
      '<a> has a javascript: link (href); the policy blocks it. Use a button with a script file.',
      '<button#go> has an inline event handler (onclick="…"); the policy blocks it. Use a script file.',
    ]);
  });

  it('leaves a page with nothing inline exactly as it was, comments and preformatted text included', () => {
    const html = page('<link rel="stylesheet" href="/_banso/a.css">', '<!--[--><pre><code>  a\n    b &lt;c&gt;</code></pre><!--]-->');
    expect(externaliseInlineContent(html, '/_banso/').html).toBe(html);
  });

  it('links the shared stylesheet last in the head', () => {
    expect(linkStyleClassSheet(page('<title>t</title>', ''), '/_banso/attributes.x.css')).toContain('<title>t</title><link rel="stylesheet" href="/_banso/attributes.x.css"></head>');
    expect(() => linkStyleClassSheet('<p>fragment</p>', '/a.css')).toThrow(/no <\/head>/);
  });

  it('joins the stylesheets a page links in its head into one file, in order, leaving other links alone', () => {
    const sheets: Record<string, string> = { '/_banso/a.css': '@charset "UTF-8";@layer base{p{color:red}}', '/_banso/b.css': 'p{margin:0}' };
    const html = page('<link rel="stylesheet" href="/_banso/a.css"><link rel="stylesheet" href="/_banso/b.css"><link rel="stylesheet" href="/_banso/p.css" media="print">', '<p>x</p>');
    const { html: combined, file } = combineHeadStylesheets(html, '/_banso/', (href) => sheets[href]!);
    expect(file!.content).toBe('@layer base{p{color:red}}\np{margin:0}');
    expect(combined).toContain(`<link rel="stylesheet" href="/_banso/${file!.name}"><link rel="stylesheet" href="/_banso/p.css" media="print"></head>`);
    // One sheet is left as it is.
    expect(combineHeadStylesheets(page('<link rel="stylesheet" href="/_banso/a.css">', ''), '/_banso/', (href) => sheets[href]!).file).toBeUndefined();
  });
});
