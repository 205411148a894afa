/// <reference types="astro/client" />
declare module 'virtual:banso/config' {
  const config: import('./lib/config/schema.ts').SiteConfig;
  export default config;
}
declare module 'virtual:banso/theme.css';
