/**
 * Build step: takes inline scripts, inline styles and style attributes out of every built page
 * (src/lib/security/inline-content.ts says how and why), writes them as files into the assets folder, and
 * fails the build on what cannot be moved (an inline event handler an author wrote into a page).
 * Runs before Pagefind and the service worker, so both see the final pages and the new files.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { AstroError } from 'astro/errors';
import { combineHeadStylesheets, externaliseInlineContent, linkStyleClassSheet, styleClassSheet, styleClassSheetName } from '../lib/security/inline-content.ts';

export interface InlineContentSummary {
  pagesWithStyleAttributes: number;
  scripts: number;
  stylesheets: number;
  styleAttributes: number;
  /** Stylesheets now only inside joined ones and referenced by nothing, so removed (no download, no precache). */
  removedStylesheets: number;
}

function listPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** `base` is the site's base path (`/` or `/kit/`), `assetsFolder` Astro's `build.assets` (`_banso`). */
export function moveInlineContent(outDir: string, base: string, assetsFolder: string): InlineContentSummary {
  const assetsDir = join(outDir, assetsFolder);
  const assetsPath = `${base}${assetsFolder}/`;
  mkdirSync(assetsDir, { recursive: true });
  const written = new Set<string>();
  const allClasses = new Map<string, string>();
  const pagesWithClasses: { file: string; html: string }[] = [];
  const problems: string[] = [];
  let scripts = 0;
  let stylesheets = 0;

  for (const file of listPages(outDir)) {
    const page = externaliseInlineContent(readFileSync(file, 'utf8'), assetsPath);
    const where = relative(outDir, file).split(sep).join('/');
    problems.push(...page.problems.map((problem) => `${where}: ${problem}`));
    for (const external of page.files) {
      if (written.has(external.name)) continue;
      written.add(external.name);
      writeFileSync(join(assetsDir, external.name), external.content);
      if (external.name.endsWith('.js')) scripts++;
      else stylesheets++;
    }
    for (const [className, declarations] of page.styleClasses) allClasses.set(className, declarations);
    if (page.styleClasses.size > 0) pagesWithClasses.push({ file, html: page.html });
    else writeFileSync(file, page.html);
  }
  if (problems.length > 0) {
    throw new AstroError(
      `${problems.length} thing(s) in the built pages would be blocked by the site's Content Security Policy:\n- ${problems.join('\n- ')}`,
      'Move the behaviour into a <script> block of a component (Astro bundles it into a file), or remove it from the page.',
    );
  }

  const sheet = styleClassSheet(allClasses);
  const sheetName = styleClassSheetName(sheet);
  if (pagesWithClasses.length > 0) writeFileSync(join(assetsDir, sheetName), sheet);
  for (const { file, html } of pagesWithClasses) writeFileSync(file, linkStyleClassSheet(html, `${assetsPath}${sheetName}`));

  // Last, with every stylesheet a page links now a file: one render-blocking stylesheet per page.
  const read = (href: string) => readFileSync(join(assetsDir, href.slice(assetsPath.length)), 'utf8');
  const joined = new Set<string>();
  for (const file of listPages(outDir)) {
    const combined = combineHeadStylesheets(readFileSync(file, 'utf8'), assetsPath, read);
    if (!combined.file) continue;
    for (const href of combined.joined ?? []) joined.add(href.slice(assetsPath.length));
    if (!written.has(combined.file.name)) {
      written.add(combined.file.name);
      writeFileSync(join(assetsDir, combined.file.name), combined.file.content);
      stylesheets++;
    }
    writeFileSync(file, combined.html);
  }
  const removedStylesheets = removeUnreferenced(outDir, assetsDir, joined);
  return { pagesWithStyleAttributes: pagesWithClasses.length, scripts, stylesheets, styleAttributes: allClasses.size, removedStylesheets };
}

/**
 * Removes the joined stylesheets that no page, script or stylesheet names any more. One a script still names (the
 * styles of a part loaded later, which Vite's loader fetches by name) stays.
 */
function removeUnreferenced(outDir: string, assetsDir: string, candidates: Set<string>): number {
  if (candidates.size === 0) return 0;
  const referring = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && /\.(html|m?js|css)$/.test(entry.name) && !relative(outDir, entry.parentPath).startsWith('pagefind'),
  );
  const stillNamed = new Set<string>();
  for (const entry of referring) {
    const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
    for (const name of candidates) if (name !== entry.name && text.includes(name)) stillNamed.add(name);
  }
  const unreferenced = [...candidates].filter((name) => !stillNamed.has(name));
  for (const name of unreferenced) rmSync(join(assetsDir, name));
  return unreferenced.length;
}
