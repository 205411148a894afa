/** `<base>manifest.webmanifest`, linked from every page's head (BaseLayout). */
import type { APIRoute } from 'astro';
import { webAppManifest } from '../lib/offline/web-app-manifest.ts';
import { defaultLocale, organisationName, siteConfig } from '../utils/site.ts';
import { useTranslations } from '../utils/i18n.ts';

/** Made from public/favicon.svg by scripts/brand-icons.ts. */
export const BRAND_ICONS = [
  { path: '/brand/icon-192.png', size: 192 },
  { path: '/brand/icon-512.png', size: 512 },
];

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(
      webAppManifest({
        name: organisationName(defaultLocale),
        description: useTranslations(defaultLocale)('site.tagline'),
        lang: defaultLocale,
        base: import.meta.env.BASE_URL,
        accentColor: siteConfig.accentColor,
        pngIcons: BRAND_ICONS,
        svgIcon: '/favicon.svg',
      }),
      null,
      2,
    ),
    { headers: { 'content-type': 'application/manifest+json' } },
  );
