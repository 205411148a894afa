/** The deployment guides print exactly the headers the browser tests serve the site with, and explain every allowance. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apacheHeaderLines, contentSecurityPolicy, metaPolicyDirectives, nginxHeaderLines, recommendedHeaderLines, recommendedHeaders, staticHostHeadersFile } from '../../src/lib/security/recommended-headers.ts';

const guide = (lang: 'ja' | 'en') => readFileSync(new URL(`../../content/guides/${lang}/deployment.mdx`, import.meta.url), 'utf8');

/** The lines of the one code block of a language (`text`, `nginx`, `apache`) in the guide's security-headers section. */
function blockOf(text: string, language: string): string[] {
  const section = text.split(/^## /m).find((part) => /^5\. /.test(part));
  if (!section) throw new Error('the deployment guide has no section 5 (security headers)');
  const blocks = [...section.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))];
  expect(blocks, `one ${language} block`).toHaveLength(1);
  return blocks[0]![1]!.trim().split('\n');
}

describe('recommended security headers', () => {
  for (const lang of ['ja', 'en'] as const) {
    it(`are printed in the ${lang} deployment guide exactly as the tests serve them`, () => {
      expect(blockOf(guide(lang), 'text')).toEqual(recommendedHeaderLines());
    });

    it(`are printed in the ${lang} deployment guide as nginx and Apache configuration of exactly those headers`, () => {
      expect(blockOf(guide(lang), 'nginx')).toEqual(nginxHeaderLines());
      expect(blockOf(guide(lang), 'apache').map((line) => line.trim())).toEqual(apacheHeaderLines().map((line) => line.trim()));
    });

    it(`are each explained in the ${lang} guide where they allow more than the site's own origin`, () => {
      const text = guide(lang);
      for (const allowance of ["'wasm-unsafe-eval'", 'img-src blob:', "worker-src 'self'", "frame-ancestors 'none'", 'camera=(self)']) {
        expect(text, `the ${lang} guide explains ${allowance}`).toContain(`**\`${allowance.includes('camera') ? `Permissions-Policy: ${allowance}` : allowance}\`**`);
      }
    });
  }

  it('load nothing from another origin and forbid framing, plugins and foreign form targets', () => {
    for (const directive of contentSecurityPolicy) {
      const [, ...sources] = directive.split(' ');
      for (const source of sources) expect(source, directive).toMatch(/^('self'|'none'|'wasm-unsafe-eval'|blob:)$/);
    }
    expect(contentSecurityPolicy).toEqual(expect.arrayContaining(["default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "connect-src 'self'"]));
    // 'unsafe-eval' would let any injected string run as code; WebAssembly needs only the narrower 'wasm-unsafe-eval'.
    expect(recommendedHeaders['Content-Security-Policy']).not.toMatch(/'unsafe-eval'/);
    // Scripts and styles only from files of the site: no inline code at all, not even by hash.
    expect(contentSecurityPolicy).toEqual(expect.arrayContaining(["script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'"]));
  });

  it('leave frame-ancestors out of the <meta> policy, where browsers ignore it and say so in the console', () => {
    expect(metaPolicyDirectives()).toEqual(contentSecurityPolicy.filter((directive) => directive !== "frame-ancestors 'none'"));
  });

  it("are written for static hosts as a _headers file that applies them to every path", () => {
    const lines = staticHostHeadersFile().trimEnd().split('\n');
    expect(lines[0]).toBe('/*');
    expect(lines.slice(1)).toEqual(recommendedHeaderLines().map((line) => `  ${line}`));
  });
});
