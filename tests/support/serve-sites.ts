/**
 * Global setup: serves both test builds on 127.0.0.1 as a plain static host would
 * (directory index, 404.html with status 404), with exactly the security headers the deployment guide
 * recommends, and provides their URLs to the tests. Every browser test therefore runs under that policy.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import type { TestProject } from 'vitest/node';
import { kitSite, rootSite } from './sites.ts';
import { serveStatic } from './static-host.ts';

export function serve(dir: string, base: string): Promise<Server> {
  const files = sirv(dir, { dev: false, etag: true, extensions: ['html'] });
  const notFound = readFileSync(`${dir}/404.html`);
  const server = createServer((request, response) => serveStatic(request, response, { base, files, notFound }));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const urlOf = (server: Server, base: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${base}`;

export default async function setup(project: TestProject) {
  const root = await serve(rootSite.dir, rootSite.base);
  const kit = await serve(kitSite.dir, kitSite.base);
  project.provide('rootSiteUrl', urlOf(root, rootSite.base));
  project.provide('kitSiteUrl', urlOf(kit, kitSite.base));
  return async () => {
    await Promise.all([root, kit].map((server) => new Promise((resolve) => server.close(resolve))));
  };
}
