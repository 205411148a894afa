/**
 * The service worker's precache: which built files it keeps, how the build's version is derived from them, and how
 * a request path under the base maps onto one of them. Pure, so the build step, the worker and the tests share it.
 */

/** Built file path (relative to the site folder, `/`-separated) → a hash of its content. */
export type PrecacheFiles = Record<string, string>;

export interface PrecacheManifest {
  /** Changes exactly when a precached file's content, or the list of files, changes. */
  version: string;
  files: PrecacheFiles;
}

/**
 * Built files the kit never loads: Pagefind's ready-made search UIs (the kit has its own dialog) and its web worker
 * (the dialog runs Pagefind on the page: src/components/search-results.ts), the service worker itself (the browser
 * fetches it around any cache), the `_headers` file static hosts read, files for search engines' crawlers and
 * dotfiles a host may add.
 */
const NEVER_LOADED = [
  /^pagefind\/pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/,
  /^pagefind\/pagefind-worker\.js$/,
  /^sw\.js$/,
  /^_headers$/,
  /^(sitemap\.xml|robots\.txt)$/,
  /(^|\/)\./,
];
/**
 * Loaded only where no service worker answers: search passages (src/lib/search/passages.ts) save downloading whole
 * pages' text over the network, and a page the worker controls reads excerpts from the precached fragments instead.
 */
const NETWORK_ONLY = [/^pagefind\/passage\//];

export function isPrecached(path: string): boolean {
  return ![...NEVER_LOADED, ...NETWORK_ONLY].some((pattern) => pattern.test(path));
}

/** The text whose digest is the build's version: one line per file, in a fixed order. */
export function versionSource(files: PrecacheFiles): string {
  return Object.keys(files)
    .sort()
    .map((path) => `${path} ${files[path]}`)
    .join('\n');
}

/** Where a request for `path` (under the base, no leading slash, percent-decoded) is answered from. */
export type PrecacheMatch = { file: string } | { redirect: string } | null;

/**
 * Static hosts answer `ja/` and `ja/index.html` with the same page, and `ja` with a redirect to `ja/` (so relative
 * links resolve); the worker does the same from its cache.
 */
export function matchPrecached(path: string, files: PrecacheFiles): PrecacheMatch {
  if (path === '' || path.endsWith('/')) return Object.hasOwn(files, `${path}index.html`) ? { file: `${path}index.html` } : null;
  if (Object.hasOwn(files, path)) return { file: path };
  if (Object.hasOwn(files, `${path}/index.html`)) return { redirect: `${path}/` };
  return null;
}

/** A request's path under `scopePath` ("/" or "/kit/"), decoded; null when it lies outside the scope. */
export function pathInScope(pathname: string, scopePath: string): string | null {
  if (!pathname.startsWith(scopePath)) return null;
  try {
    return decodeURIComponent(pathname.slice(scopePath.length));
  } catch {
    return null; // a malformed escape is no file of the build
  }
}

/** Cache names carry the scope, so two kits on one host (`/` and `/kit/`) never delete each other's caches. */
export function cachePrefix(scopePath: string): string {
  return `banso:${scopePath}:`;
}
