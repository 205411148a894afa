/**
 * The HTTP response headers the deployment guide recommends (content/guides/{ja,en}/deployment.mdx).
 * One source: the browser tests serve the built site with exactly these headers, and a unit test checks
 * that both guides print exactly these lines, so what is recommended is what is tested.
 *
 * What the policy still allows, and why (the guides say the same in prose):
 * - script-src 'unsafe-inline': Astro writes the small scripts that start each island (<astro-island>
 *   and its client directive) inline into every page that has one. Without it, every exercise, the survey,
 *   the workbook, the sessions page and the dashboard stay blank. A stricter policy (hashes) is later work.
 * - script-src 'wasm-unsafe-eval': search (Pagefind) and reading QR codes from screenshots or the camera
 *   (the ZXing reader used where the browser has no BarcodeDetector) run as WebAssembly.
 * - style-src 'unsafe-inline': Astro's island style block and style attributes in the pages and islands
 *   (the accent colour, bar widths, chart sizes).
 * - img-src blob:: a screenshot of a QR code is decoded from an in-memory copy of the chosen file.
 * - worker-src 'self': the dashboard's model test runs its bootstrap in a Web Worker from the site's own files.
 * Nothing else comes from anywhere but the site's own origin, and nothing may embed the site in a frame.
 */
export const contentSecurityPolicy: readonly string[] = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

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
