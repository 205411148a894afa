import { describe, expect, it } from 'vitest';
import { webAppManifest } from '../../src/lib/offline/web-app-manifest.ts';

const input = {
  name: 'Bansō キャリア自律ワークショップ',
  description: 'キャリア自律ワークショップのためのサイトキット',
  lang: 'ja',
  base: '/kit/',
  accentColor: '#1d5c87',
  pngIcons: [{ path: '/brand/icon-192.png', size: 192 }],
  svgIcon: '/favicon.svg',
};

describe('web app manifest', () => {
  it('keeps start URL, scope and icons under the base path', () => {
    const manifest = webAppManifest(input);
    expect(manifest.start_url).toBe('/kit/');
    expect(manifest.scope).toBe('/kit/');
    expect(manifest.icons.map((icon) => icon.src)).toEqual(['/kit/favicon.svg', '/kit/brand/icon-192.png']);
    expect(manifest.icons[1]).toMatchObject({ sizes: '192x192', type: 'image/png' });
    expect(webAppManifest({ ...input, base: '/' }).start_url).toBe('/');
  });

  it('takes the name and theme colour from the site configuration, with a short name a home screen can show', () => {
    const manifest = webAppManifest(input);
    expect(manifest.name).toBe(input.name);
    expect(manifest.short_name).toBe('Bansō');
    expect(webAppManifest({ ...input, name: '伴走研修' }).short_name).toBe('伴走研修');
    expect(manifest.theme_color).toBe('#1d5c87');
  });
});
