import { describe, expect, it } from 'vitest';
import { joinBase, localePath } from '../../src/lib/url/base.ts';

describe('base-path helper', () => {
  it('joins the root base and a path', () => {
    expect(joinBase('/', '/ja/')).toBe('/ja/');
    expect(joinBase('/', 'favicon.svg')).toBe('/favicon.svg');
  });

  it('joins a sub-folder base, with or without its trailing slash', () => {
    expect(joinBase('/kit/', '/ja/guides/')).toBe('/kit/ja/guides/');
    expect(joinBase('/kit', '/pagefind/')).toBe('/kit/pagefind/');
  });

  it('builds locale paths with one trailing slash', () => {
    expect(localePath('en')).toBe('/en/');
    expect(localePath('ja', 'guides', 'deployment')).toBe('/ja/guides/deployment/');
    expect(localePath('ja', '/modules/people-manager/', 'facilitator')).toBe('/ja/modules/people-manager/facilitator/');
  });


});
