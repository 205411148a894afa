import { describe, expect, it } from 'vitest';
import { cachePrefix, isPrecached, matchPrecached, pathInScope, versionSource } from '../../src/lib/offline/precache.ts';

const files = { 'index.html': 'a1', 'ja/index.html': 'b2', 'ja/modules/index.html': 'c3', '404.html': 'd4', '_banso/app.1234.js': 'e5', 'pagefind/pagefind-entry.json': 'f6' };

describe('precache', () => {
  it('keeps every page, asset and search file the kit loads, but not Pagefind’s unused UIs and web worker, the search passages or the service worker', () => {
    for (const path of ['ja/index.html', '404.html', '_banso/zxing_reader.wasm', 'pagefind/pagefind.js', 'pagefind/wasm.unknown.pagefind', 'pagefind/fragment/ja_1.pf_fragment', 'pagefind/index/en_1.pf_index', 'pagefind/filter/ja_1.pf_filter', 'pagefind/pagefind.ja_1.pf_meta', 'pagefind/pagefind-entry.json', 'manifest.webmanifest', 'brand/icon-192.png']) {
      expect(isPrecached(path), path).toBe(true);
    }
    for (const path of ['pagefind/pagefind-ui.js', 'pagefind/pagefind-worker.js', 'pagefind/passage/ja_1/0.passage', 'pagefind/pagefind-ui.css', 'pagefind/pagefind-component-ui.js', 'pagefind/pagefind-modular-ui.css', 'pagefind/pagefind-highlight.js', 'sw.js', '.well-known/x', 'ja/.DS_Store']) {
      expect(isPrecached(path), path).toBe(false);
    }
  });

  it('derives the version from every file and its hash, whatever the order they were listed in', () => {
    const reordered = Object.fromEntries(Object.entries(files).reverse());
    expect(versionSource(reordered)).toBe(versionSource(files));
    expect(versionSource({ ...files, 'ja/index.html': 'changed' })).not.toBe(versionSource(files));
    expect(versionSource({ ...files, 'en/index.html': 'b2' })).not.toBe(versionSource(files));
    expect(versionSource({ 'a.js': 'x' })).toBe('a.js x');
  });

  it('answers /x/, /x/index.html and the site root from the page file, and /x with a redirect to /x/', () => {
    expect(matchPrecached('ja/modules/', files)).toEqual({ file: 'ja/modules/index.html' });
    expect(matchPrecached('ja/modules/index.html', files)).toEqual({ file: 'ja/modules/index.html' });
    expect(matchPrecached('ja/modules', files)).toEqual({ redirect: 'ja/modules/' });
    expect(matchPrecached('', files)).toEqual({ file: 'index.html' });
    expect(matchPrecached('_banso/app.1234.js', files)).toEqual({ file: '_banso/app.1234.js' });
  });

  it('leaves unknown paths to the network', () => {
    expect(matchPrecached('ja/nothing/', files)).toBeNull();
    expect(matchPrecached('ja/nothing', files)).toBeNull();
    expect(matchPrecached('_banso/old.9999.js', files)).toBeNull();
    expect(matchPrecached('constructor', files)).toBeNull(); // an own-property check, not the prototype's
  });

  it('takes a request path apart under the scope, decoded', () => {
    expect(pathInScope('/kit/ja/', '/kit/')).toBe('ja/');
    expect(pathInScope('/kit/', '/kit/')).toBe('');
    expect(pathInScope('/other/ja/', '/kit/')).toBeNull();
    expect(pathInScope('/%E3%81%82.html', '/')).toBe('あ.html');
    expect(pathInScope('/%E3%81', '/')).toBeNull();
  });

  it('names caches by scope', () => {
    expect(cachePrefix('/kit/')).not.toBe(cachePrefix('/'));
    expect('banso:/kit/:abc'.startsWith(cachePrefix('/'))).toBe(false);
  });
});
