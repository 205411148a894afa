/**
 * The HTTP response headers the deployment guide recommends (content/guides/{ja,en}/deployment.mdx).
 * One source: the browser tests serve the built site with exactly these headers, the pages carry the same policy
 * in a <meta> element (astro.config.mjs), and a unit test checks that both guides print exactly these lines, so
 * what is recommended is what is tested.
 *
 * The policy is strict: scripts and styles only from the site itself, no inline scripts, inline styles or
 * hashes (the build moves everything inline into files: src/lib/security/inline-content.ts). What it still
 * allows, and why (the guides say the same in prose):
 * - script-src 'wasm-unsafe-eval': search (Pagefind) and reading QR codes from screenshots or the camera
 *   (the ZXing reader used where the browser has no BarcodeDetector) run as WebAssembly. It allows compiling
 *   WebAssembly, not evaluating JavaScript text.
 * - img-src blob:: a screenshot of a QR code is decoded from an in-memory copy of the chosen file.
 * - worker-src 'self': the dashboard's analyses run in a Web Worker from the site's own files, and the
 *   service worker keeps the site for offline use.
 * Nothing else comes from anywhere but the site's own origin, and nothing may embed the site in a frame.
 */
export const contentSecurityPolicy: readonly string[] = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/**
 * The directives a <meta> element can carry: a browser ignores frame-ancestors there (and says so in the
 * console), so only the header can forbid framing.
 */
export const metaPolicyDirectives = (): string[] => contentSecurityPolicy.filter((directive) => !directive.startsWith('frame-ancestors'));

/** Header name to value, in the order the guides list them. */
export const recommendedHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy.join('; '),
  // The camera is used only by the dashboard's QR reader, on the site's own pages.
  'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), payment=(), usb=()',
  'Referrer-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
};

/** The headers as the lines a server configuration shows, `Name: value` one per line. */
export const recommendedHeaderLines = (): string[] => Object.entries(recommendedHeaders).map(([name, value]) => `${name}: ${value}`);

const headerEntries = () => Object.entries(recommendedHeaders);

/** The headers as nginx directives, for the `server` block (or the `location` that serves the kit). */
export const nginxHeaderLines = (): string[] => headerEntries().map(([name, value]) => `add_header ${name} "${value}" always;`);

/** The headers as Apache directives, for the virtual host or an `.htaccess` file in the kit's folder. */
export const apacheHeaderLines = (): string[] => ['<IfModule mod_headers.c>', ...headerEntries().map(([name, value]) => `  Header always set ${name} "${value}"`), '</IfModule>'];

/**
 * The `_headers` file that static hosts such as Netlify and Cloudflare Pages read from the site folder.
 * The build writes it (src/integrations/banso.ts), so on those hosts the headers apply with no set-up.
 */
export const staticHostHeadersFile = (): string => `${['/*', ...headerEntries().map(([name, value]) => `  ${name}: ${value}`)].join('\n')}\n`;
