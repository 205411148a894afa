/**
 * How the build scales with the number of workshop modules.
 *
 *   node scripts/bench-build-scaling.ts [N …]      (npm run bench:build -- 50 200; default 50 200)
 *
 * Builds the site from a copy of content/ with N synthetic modules added (N = 0, the kit as it is, always runs
 * first), each a copy of one of the kit's own modules under a new id and title, in both languages, so it has a real
 * module's length and passes the module schema and the content checks. Each build has its own content folder
 * (BANSO_CONTENT_DIR), content cache (BANSO_CACHE_DIR) and output (BANSO_OUT_DIR) in the system's temporary
 * folder, removed afterwards; dist/ and node_modules/.astro are not touched.
 *
 * Reports per N: total build time, Astro's static route generation, Pagefind indexing and the service-worker step
 * (from the build's own log lines), pages built, HTML bytes per page (mean, median, largest) and in total, and the
 * whole output's size, as a table and as one JSON line per build. Each build's log stays in the temporary folder as
 * banso-build-<N>.log (Astro lists every page with the time it took). Not run in CI: N = 200 takes minutes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const root = fileURLToPath(new URL('../', import.meta.url));
const counts = [0, ...(process.argv.slice(2).length ? process.argv.slice(2) : ['50', '200']).map(Number).filter((n) => Number.isInteger(n) && n > 0)];

/** Adds `count` modules, each a copy of one of the kit's modules (in turn) with its own id and title, in ja and en. */
export function addSyntheticModules(contentDir: string, count: number): void {
  const sources = readdirSync(join(contentDir, 'modules/ja')).filter((file) => file.endsWith('.mdx'));
  for (let n = 1; n <= count; n++) {
    const source = sources[(n - 1) % sources.length]!;
    const id = `synthetic-${String(n).padStart(3, '0')}`;
    for (const locale of ['ja', 'en']) {
      const text = readFileSync(join(contentDir, 'modules', locale, source), 'utf8');
      const renamed = text
        .replace(/^id: .*$/m, `id: ${id}`)
        .replace(/^title: (.*)$/m, (_, title: string) => `title: ${JSON.stringify(`${parseYaml(title) as string} (${locale === 'ja' ? '合成' : 'synthetic'} ${n})`)}`);
      if (!renamed.includes(`id: ${id}`)) throw new Error(`${locale}/${source} has no "id:" line to rename`);
      writeFileSync(join(contentDir, 'modules', locale, `${id}.mdx`), renamed);
    }
  }
}

/** A page's route, as the pages folder names it: "ja/modules/mid-career/index.html" -> "[lang]/modules/[id]". */
export function routeOf(page: string): string {
  return page
    .replace(/(^|\/)index\.html$/, '')
    .replace(/^(ja|en)(\/|$)/, '[lang]$2')
    .replace(/^(\[lang\]\/(?:modules|exercises|guides|programme\/documents))\/[^/]+/, '$1/[id]') || '/';
}

interface BuildFigures {
  modules: number;
  pages: number;
  totalSeconds: number;
  staticRoutesSeconds: number | null;
  pagefindSeconds: number | null;
  serviceWorkerSeconds: number | null;
  htmlBytes: { total: number; mean: number; median: number; largest: number; largestPage: string };
  /** Mean HTML bytes of a page of each route, largest first. */
  htmlBytesByRoute: Record<string, { pages: number; mean: number }>;
  outputBytes: number;
}

/** Every file under `dir`, with its size. */
function filesUnder(dir: string, prefix = ''): { path: string; bytes: number }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name), `${prefix}${entry.name}/`) : [{ path: `${prefix}${entry.name}`, bytes: statSync(join(dir, entry.name)).size }],
  );
}

/** Seconds from the first log line that matches `pattern`, whose group is a duration: "250ms", "3.10s", "1m 56s". */
export function secondsIn(log: string, pattern: RegExp): number | null {
  const duration = pattern.exec(log)?.[1];
  if (!duration) return null;
  const parts = /^(?:(\d+)m ?)?(?:([\d.]+) ?(ms|s))?$/.exec(duration.trim());
  if (!parts || (!parts[1] && !parts[2])) return null;
  return Number(parts[1] ?? 0) * 60 + (parts[3] === 'ms' ? Number(parts[2]) / 1000 : Number(parts[2] ?? 0));
}

function build(moduleCount: number): BuildFigures {
  const work = mkdtempSync(join(tmpdir(), 'banso-bench-'));
  const contentDir = join(work, 'content');
  const outDir = join(work, 'dist');
  cpSync(join(root, 'content'), contentDir, { recursive: true });
  addSyntheticModules(contentDir, moduleCount);
  try {
    const started = performance.now();
    const run = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1', BANSO_CONTENT_DIR: contentDir, BANSO_CACHE_DIR: join(work, 'cache'), BANSO_OUT_DIR: outDir },
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
    });
    const totalSeconds = (performance.now() - started) / 1000;
    const log = `${run.stdout}${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
    // Kept for a closer look: Astro's log gives each page's render time.
    writeFileSync(join(tmpdir(), `banso-build-${moduleCount}.log`), log);
    if (run.status !== 0) throw new Error(`the build with ${moduleCount} synthetic modules failed:\n${log.slice(-4000)}`);
    const files = filesUnder(outDir);
    const pages = files.filter((file) => file.path.endsWith('.html')).sort((a, b) => a.bytes - b.bytes);
    const html = pages.reduce((sum, page) => sum + page.bytes, 0);
    return {
      modules: moduleCount,
      pages: pages.length,
      totalSeconds,
      // Astro: " generating static routes " … "✓ Completed in 3.10s."
      staticRoutesSeconds: secondsIn(log, /generating static routes[\s\S]*?✓ Completed in ((?:\d+m ?)?(?:[\d.]+m?s)?)\./),
      // The kit's integration (src/integrations/banso.ts): "Pagefind indexed 304 pages in 14200 ms."
      pagefindSeconds: secondsIn(log, /Pagefind indexed \d+ pages in ([\d.]+ ?m?s)/),
      serviceWorkerSeconds: secondsIn(log, /Service worker \S+ precaches .* in ([\d.]+ ?m?s)/),
      htmlBytes: { total: html, mean: Math.round(html / pages.length), median: pages[Math.floor(pages.length / 2)]!.bytes, largest: pages.at(-1)!.bytes, largestPage: pages.at(-1)!.path },
      outputBytes: files.reduce((sum, file) => sum + file.bytes, 0),
      htmlBytesByRoute: Object.fromEntries(
        Object.entries(Object.groupBy(pages, (page) => routeOf(page.path)))
          .map(([route, group]) => [route, { pages: group!.length, mean: Math.round(group!.reduce((sum, page) => sum + page.bytes, 0) / group!.length) }] as const)
          .sort((a, b) => b[1].mean - a[1].mean),
      ),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const s = (seconds: number | null) => (seconds === null ? '?' : `${seconds.toFixed(2)} s`);
const results: BuildFigures[] = [];
for (const count of counts) {
  console.error(`Building with ${count} synthetic modules…`);
  const figures = build(count);
  results.push(figures);
  console.log(JSON.stringify(figures));
}
// The routes whose pages grow most with the number of modules, as mean HTML bytes per page.
const last = results.at(-1)!;
const growing = Object.keys(last.htmlBytesByRoute)
  .filter((route) => results[0]!.htmlBytesByRoute[route])
  .sort((a, b) => last.htmlBytesByRoute[b]!.mean / results[0]!.htmlBytesByRoute[b]!.mean - last.htmlBytesByRoute[a]!.mean / results[0]!.htmlBytesByRoute[a]!.mean)
  .slice(0, 8);
console.table(Object.fromEntries(growing.map((route) => [route, Object.fromEntries(results.map((r) => [`${r.modules} modules`, kb(r.htmlBytesByRoute[route]?.mean ?? 0)]))])));
console.table(
  results.map((r) => ({
    'synthetic modules': r.modules,
    pages: r.pages,
    'total build': s(r.totalSeconds),
    'static routes': s(r.staticRoutesSeconds),
    'per page': r.staticRoutesSeconds === null ? '?' : `${((r.staticRoutesSeconds / r.pages) * 1000).toFixed(1)} ms`,
    pagefind: s(r.pagefindSeconds),
    'service worker': s(r.serviceWorkerSeconds),
    'HTML mean': kb(r.htmlBytes.mean),
    'HTML median': kb(r.htmlBytes.median),
    'HTML largest': `${kb(r.htmlBytes.largest)} (${r.htmlBytes.largestPage})`,
    'HTML total': `${(r.htmlBytes.total / 1024 / 1024).toFixed(1)} MB`,
    output: `${(r.outputBytes / 1024 / 1024).toFixed(1)} MB`,
  })),
);
