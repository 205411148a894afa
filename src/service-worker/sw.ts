/**
 * The kit's service worker: keeps the whole build (pages, assets, search index) so the site works offline after the
 * first visit. Bundled at build time into `<base>sw.js` with the build's file list (src/integrations/service-worker.ts).
 *
 * - Install fills a cache named for the build's version; a file whose hash an older cache already holds is copied
 *   from there, so a new build downloads only what changed. Any failure (network, full storage) discards the new
 *   cache and fails the install: the previous worker, or none, stays in charge.
 * - Files of the build are answered from the cache at once (a facilitator on a bad network never waits); anything
 *   else goes to the network, then to caches of earlier builds (a page of the old build still open loads its lazy
 *   chunks after the new build replaced them on the server), and a page that cannot be had gets the cached 404 page.
 * - A new version waits until a page asks it to take over (the person pressed "Reload"); caches of earlier builds
 *   are kept until no page that was open when it took over is left.
 */
import { cachePrefix, matchPrecached, pathInScope, type PrecacheManifest } from '../lib/offline/precache.ts';

declare const PRECACHE: PrecacheManifest;
declare const self: ServiceWorkerGlobalScope;

const scope = new URL(self.registration.scope);
const prefix = cachePrefix(scope.pathname);
const currentCache = `${prefix}${PRECACHE.version}`;
/** Kept in each cache: the files and hashes it holds, for the next build's install to reuse. */
const FILES_KEY = new URL('__banso/precache.json', scope).href;
/** Kept in the current cache: earlier builds' caches, and the pages that were open when this build took over. */
const RETIRED_KEY = new URL('__banso/retired.json', scope).href;
const PARALLEL_DOWNLOADS = 6;

const urlOf = (file: string) => new URL(file, scope).href;

self.addEventListener('install', (event) => event.waitUntil(install()));
self.addEventListener('activate', (event) => event.waitUntil(activate()));
self.addEventListener('message', (event) => {
  if (event.data === 'banso:activate') void self.skipWaiting();
});
self.addEventListener('fetch', (event) => {
  const { request } = event;
  // Range requests (media seeking) and anything not a plain read are the network's business.
  if (request.method !== 'GET' || request.headers.has('range')) return;
  const url = new URL(request.url);
  const path = url.origin === scope.origin ? pathInScope(url.pathname, scope.pathname) : null;
  if (path === null) return;
  const match = matchPrecached(path, PRECACHE.files);
  if (match && 'redirect' in match) event.respondWith(Response.redirect(urlOf(match.redirect) + url.search, 301));
  else event.respondWith(match ? fromPrecache(match.file, request) : fromNetwork(request));
  if (request.mode === 'navigate') event.waitUntil(dropRetiredCaches());
});

async function install(): Promise<void> {
  const cache = await caches.open(currentCache);
  try {
    const reusable = await earlierCopies();
    const queue = Object.keys(PRECACHE.files);
    const worker = async () => {
      try {
        for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
          const url = urlOf(file);
          const earlier = reusable.get(`${file} ${PRECACHE.files[file]}`);
          const response = (earlier && (await caches.open(earlier).then((old) => old.match(url)))) || (await download(url));
          await cache.put(url, response);
        }
      } catch (error) {
        queue.length = 0; // one failure fails the install: the other downloads stop rather than fill a doomed cache
        throw error;
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, worker));
    await cache.put(FILES_KEY, Response.json(PRECACHE.files));
  } catch (error) {
    // Half a build is worse than none: leave the site to the previous worker, or to the network.
    await caches.delete(currentCache);
    throw error;
  }
}

async function download(url: string): Promise<Response> {
  // no-cache: the browser's HTTP cache may hold a file of an earlier build under the same name (pagefind-entry.json).
  const response = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' });
  if (!response.ok || response.redirected) throw new Error(`${url} could not be cached: ${response.status}`);
  return response;
}

/** "file hash" → the earlier cache that holds that very content. */
async function earlierCopies(): Promise<Map<string, string>> {
  const copies = new Map<string, string>();
  for (const name of await caches.keys()) {
    if (!name.startsWith(prefix) || name === currentCache) continue;
    try {
      const files = (await (await caches.open(name)).match(FILES_KEY).then((r) => r?.json())) as Record<string, string> | undefined;
      for (const [file, hash] of Object.entries(files ?? {})) copies.set(`${file} ${hash}`, name);
    } catch {
      // An unreadable list only means downloading those files again.
    }
  }
  return copies;
}

interface Retired {
  caches: string[];
  /** Pages open when this build took over; until all are gone, they may still load files of their own build. */
  clients: string[];
}

async function activate(): Promise<void> {
  const earlier = (await caches.keys()).filter((name) => name.startsWith(prefix) && name !== currentCache);
  const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const retired: Retired = { caches: earlier, clients: open.map((client) => client.id) };
  await (await caches.open(currentCache)).put(RETIRED_KEY, Response.json(retired));
  await dropRetiredCaches();
  // The page that installed the worker works offline from now on, search and lazy chunks included.
  await self.clients.claim();
}

async function dropRetiredCaches(): Promise<void> {
  const cache = await caches.open(currentCache);
  const retired = (await cache.match(RETIRED_KEY).then((r) => r?.json()).catch(() => undefined)) as Retired | undefined;
  if (!retired || retired.caches.length === 0) return;
  const open = new Set((await self.clients.matchAll({ type: 'window', includeUncontrolled: true })).map((client) => client.id));
  if (retired.clients.some((id) => open.has(id))) return;
  await Promise.all(retired.caches.map((name) => caches.delete(name)));
  await cache.put(RETIRED_KEY, Response.json({ caches: [], clients: [] } satisfies Retired));
}

async function fromPrecache(file: string, request: Request): Promise<Response> {
  const cached = await caches
    .open(currentCache)
    .then((cache) => cache.match(urlOf(file)))
    .catch(() => undefined);
  // A missing or damaged entry (evicted, deleted by hand) is fetched as if there were no worker.
  if (cached?.ok) return cached;
  return fromNetwork(request);
}

async function fromNetwork(request: Request): Promise<Response> {
  let response: Response | undefined;
  try {
    response = await fetch(request);
    if (response.ok || request.mode === 'navigate') return response;
  } catch {
    // Offline: an earlier build's copy or the 404 page below.
  }
  const earlier = await caches.match(request, { ignoreSearch: true });
  if (earlier?.ok) return earlier;
  if (response) return response;
  if (request.mode === 'navigate') {
    const notFound = await caches.match(urlOf('404.html'));
    if (notFound) return new Response(notFound.body, { status: 404, headers: notFound.headers });
  }
  return Response.error();
}
