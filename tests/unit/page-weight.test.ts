import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { measurePage } from '../../scripts/page-weight.ts';

describe('page weight measurement', () => {
  it('counts a module script, its static imports and inline scripts, but not dynamic imports or JSON data', async () => {
    const site = mkdtempSync(join(tmpdir(), 'banso-weight-'));
    mkdirSync(join(site, '_banso'));
    const entry = 'import{a}from"./shared.js";a();import("./lazy.js");';
    const shared = 'export const a=()=>document.title;';
    writeFileSync(join(site, '_banso/entry.js'), entry);
    writeFileSync(join(site, '_banso/shared.js'), shared);
    writeFileSync(join(site, '_banso/lazy.js'), 'export const big="' + 'x'.repeat(5000) + '";');
    writeFileSync(join(site, '_banso/site.css'), 'body{color:red}');
    const inline = 'console.log(1)';
    writeFileSync(
      join(site, 'index.html'),
      `<html><head><link rel="stylesheet" href="/kit/_banso/site.css"><script type="module" src="/kit/_banso/entry.js"></script>` +
        `<script type="application/json">{"data":1}</script><script>${inline}</script></head><body></body></html>`,
    );
    const weight = await measurePage(site, '/kit/', join(site, 'index.html'));
    expect(weight.jsFiles.sort()).toEqual(['_banso/entry.js', '_banso/shared.js']);
    expect(weight.jsGzip).toBe(gzipSync(`${entry}\n${shared}${inline}`, { level: 9 }).length);
    expect(weight.cssGzip).toBe(gzipSync('body{color:red}', { level: 9 }).length);
  });
});
