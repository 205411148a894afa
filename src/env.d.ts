/// <reference types="astro/client" />
declare module 'virtual:banso/config' {
  const config: import('./lib/config/schema.ts').SiteConfig;
  export default config;
}
declare module 'virtual:banso/theme.css';
declare module 'virtual:banso/ui-strings' {
  const strings: Record<import('./lib/i18n/locales.ts').Locale, import('./lib/i18n/translations.ts').Dictionary>;
  export default strings;
}
