/**
 * How the test servers answer a request, as a plain static host would: the recommended security headers, the
 * build's files under the base path (directory index), and 404.html with status 404 for anything else.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type sirv from 'sirv';
import { recommendedHeaders } from '../../src/lib/security/recommended-headers.ts';

export function serveStatic(request: IncomingMessage, response: ServerResponse, site: { base: string; files: ReturnType<typeof sirv>; notFound: Buffer }) {
  const url = request.url ?? '/';
  for (const [name, value] of Object.entries(recommendedHeaders)) response.setHeader(name, value);
  const sendNotFound = () => {
    response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(site.notFound);
  };
  if (!url.startsWith(site.base)) return sendNotFound();
  request.url = `/${url.slice(site.base.length)}`;
  site.files(request, response, sendNotFound);
}
