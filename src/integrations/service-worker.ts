/**
 * Writes `<outDir>/sw.js`: the service worker (src/service-worker/sw.ts) bundled with the list of every built file
 * it precaches and a hash of each. Runs after Pagefind has written its index, so search works offline too.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { isPrecached, versionSource, type PrecacheFiles } from '../lib/offline/precache.ts';

const WORKER_SOURCE = fileURLToPath(new URL('../service-worker/sw.ts', import.meta.url));

const digest = (content: string | Buffer) => createHash('sha256').update(content).digest('hex').slice(0, 16);

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

export interface PrecacheSummary {
  version: string;
  files: number;
  bytes: number;
}

export async function writeServiceWorker(outDir: string): Promise<PrecacheSummary> {
  const files: PrecacheFiles = {};
  let bytes = 0;
  for (const file of listFiles(outDir).filter(isPrecached).sort()) {
    const content = readFileSync(join(outDir, file));
    files[file] = digest(content);
    bytes += content.length;
  }
  const version = digest(versionSource(files));
  // esbuild (also what Astro builds with) bundles the worker: one entry, no plugins.
  const bundled = await build({
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    define: { PRECACHE: JSON.stringify({ version, files }) },
  });
  writeFileSync(join(outDir, 'sw.js'), bundled.outputFiles[0]!.contents);
  return { version, files: Object.keys(files).length, bytes };
}
