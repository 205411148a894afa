/**
 * A static host for the offline tests that can be switched to another build (a deployment) or taken off the
 * network (every connection reset, as an unreachable server), and that logs what it was asked for.
 * Served like tests/support/serve-sites.ts: directory index, 404.html with status 404, the recommended headers.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { serveStatic } from './static-host.ts';

export interface SwitchableSite {
  url: string;
  /** Serve this build folder from now on. */
  deploy(dir: string): void;
  /** false: the host is unreachable. */
  online: boolean;
  /** Paths requested (under the base), in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function serveSwitchable(dir: string, base: string): Promise<SwitchableSite> {
  let files = sirv(dir, { dev: true, etag: true, extensions: ['html'] });
  let notFound = readFileSync(`${dir}/404.html`);
  const site: Omit<SwitchableSite, 'url' | 'close'> = {
    online: true,
    requests: [],
    deploy(next) {
      files = sirv(next, { dev: true, etag: true, extensions: ['html'] });
      notFound = readFileSync(`${next}/404.html`);
    },
  };
  const server: Server = createServer((request, response) => {
    if (!site.online) return void request.socket.destroy();
    const url = request.url ?? '/';
    site.requests.push(url.startsWith(base) ? url.slice(base.length) : url);
    serveStatic(request, response, { base, files, notFound });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(site, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${base}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
