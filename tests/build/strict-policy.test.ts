/**
 * The built site needs nothing the strict Content Security Policy forbids: no inline script, no inline style
 * element, no style attribute, no inline event handler, in any page of either test site; every page carries the
 * policy in a <meta> element before anything it governs; and static hosts get the headers as a `_headers` file.
 * The browser tests (tests/e2e/security-headers.test.ts) then use every page under the policy sent as a header.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, type HTMLElement } from 'node-html-parser';
import { metaPolicyDirectives, staticHostHeadersFile } from '../../src/lib/security/recommended-headers.ts';
import { kitSite, rootSite } from '../support/sites.ts';
import { listPages } from '../support/built-files.ts';

const RUNNABLE_SCRIPT_TYPES = ['', 'module', 'text/javascript'];

/** What in a page the policy would block, one line each. */
function blockedIn(document: HTMLElement): string[] {
  const found: string[] = [];
  for (const script of document.querySelectorAll('script:not([src])')) {
    if (RUNNABLE_SCRIPT_TYPES.includes(script.getAttribute('type') ?? '')) found.push(`inline script: ${script.rawText.slice(0, 60)}`);
  }
  for (const style of document.querySelectorAll('style')) found.push(`inline <style>: ${style.rawText.slice(0, 60)}`);
  for (const element of document.querySelectorAll('*')) {
    for (const name of Object.keys(element.attributes)) {
      if (name.toLowerCase() === 'style') found.push(`style attribute on <${element.rawTagName}>: ${element.getAttribute('style')}`);
      if (/^on[a-z]+$/i.test(name)) found.push(`${name} on <${element.rawTagName}>`);
    }
  }
  return found;
}

/** The directives of the page's <meta> policy, without the hashes Astro adds for the scripts it would inline. */
function metaPolicyOf(document: HTMLElement): string[] | undefined {
  const meta = document.querySelector('meta[http-equiv="content-security-policy" i]');
  return meta
    ?.getAttribute('content')
    ?.split(';')
    .map((directive) => directive.trim().split(/\s+/).filter((source) => !source.startsWith("'sha")).join(' '))
    .filter(Boolean);
}

describe.each([
  ['root', rootSite],
  ['/kit/', kitSite],
])('the %s test site under the strict policy', (_label, site) => {
  const pages = listPages(site.dir).map((file) => ({ page: relative(site.dir, file), document: parse(readFileSync(file, 'utf8'), { comment: true }) }));

  it('has every page to check', () => {
    expect(pages.length).toBeGreaterThan(150);
  });

  it('has nothing inline in any page: scripts, style elements, style attributes or event handlers', () => {
    const problems = pages.flatMap(({ page, document }) => blockedIn(document).map((problem) => `${page}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it('carries the recommended policy in a <meta> element on every page, after the character set and before any script or stylesheet', () => {
    const expected = [...metaPolicyDirectives()].sort();
    for (const { page, document } of pages) {
      expect(metaPolicyOf(document)?.sort(), page).toEqual(expected);
      const head = document.querySelector('head')!.childNodes.filter((node): node is HTMLElement => node.nodeType === 1);
      const position = head.findIndex((element) => element.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy');
      expect(head[0]!.getAttribute('charset'), `${page}: the character set comes first`).toBe('utf-8');
      const governed = head.findIndex((element) => element.rawTagName === 'script' || (element.rawTagName === 'link' && element.getAttribute('rel') === 'stylesheet'));
      if (governed >= 0) expect(position, `${page}: the policy comes before the first script or stylesheet`).toBeLessThan(governed);
    }
  });

  it('writes the recommended headers as a _headers file for static hosts', () => {
    expect(readFileSync(`${site.dir}/_headers`, 'utf8')).toBe(staticHostHeadersFile());
  });
});

describe('the check for inline content', () => {
  it('finds each kind of inline content, so the checks above can fail', () => {
    const document = parse('<html><head><script>a()</script><style>p{}</style></head><body><p style="color:red" onclick="b()">x</p><script type="application/json">{}</script></body></html>');
    expect(blockedIn(document)).toEqual(['inline script: a()', 'inline <style>: p{}', 'style attribute on <p>: color:red', 'onclick on <p>']);
  });
});
