/**
 * A test build served as a host that compresses text serves it (nginx with gzip and gzip_types for scripts,
 * styles and JSON, Apache with mod_deflate, static hosting services): HTML, CSS, JavaScript, JSON and SVG go out
 * gzip-compressed; everything else as it is on disk, including Pagefind's index chunks, fragments and WebAssembly,
 * which Pagefind writes gzip-compressed already. It counts the body bytes of every response it sends, so a test
 * can say what a step costs to download, requests from workers included (a page's request events miss those).
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { recommendedHeaders } from '../../src/lib/security/recommended-headers.ts';

const textTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
};
const otherTypes: Record<string, string> = { '.wasm': 'application/wasm', '.png': 'image/png', '.woff2': 'font/woff2' };

export interface SentResponse {
  /** The request's path and query, as the browser asked for it. */
  path: string;
  /** Bytes of the response body as sent (compressed where the host compresses). */
  bytes: number;
}

export interface CompressingHost {
  url: string;
  /** Every response sent since the host started or since the last `sent.length = 0`. */
  sent: SentResponse[];
  close(): Promise<void>;
}

/** Serves `dir` under `base` (`/`, or `/kit/` for the sub-folder test site); anything outside it is not found. */
export async function serveCompressed(dir: string, base = '/'): Promise<CompressingHost> {
  const sent: SentResponse[] = [];
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '/';
    for (const [name, value] of Object.entries(recommendedHeaders)) response.setHeader(name, value);
    const inSite = path.startsWith(base) ? `/${path.slice(base.length)}` : '/no-such-page/';
    let file = join(dir, normalize(decodeURIComponent(inSite.split('?')[0]!)));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file);
    if (!found) file = join(dir, '404.html');
    const extension = extname(file);
    const body = readFileSync(file);
    const compress = extension in textTypes && /\bgzip\b/.test(String(request.headers['accept-encoding']));
    const payload = compress ? gzipSync(body) : body;
    response.writeHead(found ? 200 : 404, {
      'content-type': textTypes[extension] ?? otherTypes[extension] ?? 'application/octet-stream',
      'content-length': payload.length,
      ...(compress && { 'content-encoding': 'gzip', vary: 'accept-encoding' }),
    });
    response.end(payload);
    sent.push({ path, bytes: payload.length });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${base}`,
    sent,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
