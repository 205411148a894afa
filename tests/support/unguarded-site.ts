/**
 * The built site served with no Content Security Policy at all: no header, and any <meta http-equiv> policy taken
 * out of each page. Only for the tests of user text (tests/e2e/user-text-is-text.test.ts): under the kit's strict
 * policy an injected inline handler would be blocked anyway, so a test that escaping works would pass even if it
 * did not. Without a policy, a payload that ran or became markup shows up, and the test fails.
 * Otherwise it answers as the other test servers do (static-host.ts): the other recommended headers, the build's
 * files under the base path, directory index, 404.html with status 404.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import sirv from 'sirv';
import { recommendedHeaders } from '../../src/lib/security/recommended-headers.ts';

const POLICY_META = /<meta\s[^>]*http-equiv=["']?content-security-policy["']?[^>]*>/gi;

/** A page without its <meta> policy, if it has one. */
export const withoutPolicyMeta = (html: string) => html.replace(POLICY_META, '');

export interface UnguardedSite {
  url: string;
  close(): Promise<void>;
}

export async function serveWithoutPolicy(dir: string, base: string): Promise<UnguardedSite> {
  const files = sirv(dir, { dev: false, etag: false, extensions: ['html'] });
  const headers = Object.entries(recommendedHeaders).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  const sendHtml = (response: import('node:http').ServerResponse, status: number, file: string) => {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(withoutPolicyMeta(readFileSync(file, 'utf8')));
  };
  const server: Server = createServer((request, response) => {
    for (const [name, value] of headers) response.setHeader(name, value);
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (!path.startsWith(base)) return sendHtml(response, 404, `${dir}/404.html`);
    const relative = normalize(`/${path.slice(base.length)}`);
    const candidates = relative.endsWith('/') ? [join(dir, relative, 'index.html')] : [join(dir, relative), join(dir, `${relative}.html`), join(dir, relative, 'index.html')];
    const page = candidates.find((file) => file.endsWith('.html') && existsSync(file) && statSync(file).isFile());
    if (page) return sendHtml(response, 200, page);
    request.url = relative;
    files(request, response, () => sendHtml(response, 404, `${dir}/404.html`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
