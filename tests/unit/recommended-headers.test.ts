/** The deployment guides print exactly the headers the browser tests serve the site with, and explain every allowance. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, recommendedHeaderLines, recommendedHeaders } from '../../src/lib/security/recommended-headers.ts';

const guide = (lang: 'ja' | 'en') => readFileSync(new URL(`../../content/guides/${lang}/deployment.mdx`, import.meta.url), 'utf8');

/** The lines of the one code block in the guide's security-headers section. */
function headerBlockOf(text: string): string[] {
  const section = text.split(/^## /m).find((part) => /^5\. /.test(part));
  if (!section) throw new Error('the deployment guide has no section 5 (security headers)');
  const blocks = [...section.matchAll(/```text\n([\s\S]*?)```/g)];
  expect(blocks).toHaveLength(1);
  return blocks[0]![1]!.trim().split('\n');
}

describe('recommended security headers', () => {
  for (const lang of ['ja', 'en'] as const) {
    it(`are printed in the ${lang} deployment guide exactly as the tests serve them`, () => {
      expect(headerBlockOf(guide(lang))).toEqual(recommendedHeaderLines());
    });

    it(`are each explained in the ${lang} guide where they allow more than the site's own origin`, () => {
      const text = guide(lang);
      for (const allowance of ["script-src 'unsafe-inline'", "'wasm-unsafe-eval'", "style-src 'unsafe-inline'", 'img-src blob:', "worker-src 'self'", 'camera=(self)']) {
        expect(text, `the ${lang} guide explains ${allowance}`).toContain(`**\`${allowance.includes('camera') ? `Permissions-Policy: ${allowance}` : allowance}\`**`);
      }
    });
  }

  it('load nothing from another origin and forbid framing, plugins and foreign form targets', () => {
    for (const directive of contentSecurityPolicy) {
      const [, ...sources] = directive.split(' ');
      for (const source of sources) expect(source, directive).toMatch(/^('self'|'none'|'unsafe-inline'|'wasm-unsafe-eval'|blob:)$/);
    }
    expect(contentSecurityPolicy).toEqual(expect.arrayContaining(["default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "connect-src 'self'"]));
    // 'unsafe-eval' would let any injected string run as code; WebAssembly needs only the narrower 'wasm-unsafe-eval'.
    expect(recommendedHeaders['Content-Security-Policy']).not.toMatch(/'unsafe-eval'/);
  });
});
