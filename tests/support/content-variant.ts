/** Builds the site from a modified copy of content/, for tests of what a content change does to the build. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from './build-sites.ts';
import { projectRoot, testOutput } from './sites.ts';

export interface VariantBuild {
  ok: boolean;
  /** Build output with terminal colours removed. */
  output: string;
  outDir: string;
}

export function buildContentVariant(name: string, change: (contentDir: string) => void): VariantBuild {
  // Named content/ like the kit's folder, so messages read as they do in a checkout ("…/content/modules/…").
  const workDir = mkdtempSync(join(tmpdir(), 'banso-content-'));
  const contentDir = join(workDir, 'content');
  const outDir = `${testOutput}site-${name}`;
  cpSync(`${projectRoot}content`, contentDir, { recursive: true });
  change(contentDir);
  const clean = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
  try {
    // Its own content cache, so entries of this variant never reach an ordinary build.
    const output = buildSite(outDir, `${projectRoot}content/site.yaml`, { BANSO_CONTENT_DIR: contentDir, BANSO_CACHE_DIR: `${contentDir}-cache` });
    return { ok: true, output: clean(output), outDir };
  } catch (error) {
    const failure = error as { stdout: string; stderr: string };
    return { ok: false, output: clean(`${failure.stdout}${failure.stderr}`), outDir };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Replace text in a file, insisting that the text was there (so a test cannot silently change nothing). */
export function editFile(file: string, from: RegExp, to: string) {
  const text = readFileSync(file, 'utf8');
  if (!from.test(text)) throw new Error(`${file} does not contain ${from}`);
  writeFileSync(file, text.replace(from, to));
}
