/**
 * Writes the search passages (src/lib/search/passages.ts) beside Pagefind's index: for each fragment
 * `pagefind/fragment/<id>.pf_fragment`, its page's text in windows `pagefind/passage/<id>/<n>.passage`, gzip-compressed
 * JSON as Pagefind's own files are, so they download small from any host.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { pageWords, passageWindows, type Passage } from '../lib/search/passages.ts';

/** Pagefind's fragment files start with this signature, then the JSON. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export function writePassages(bundleDir: string): number {
  const fragmentDir = join(bundleDir, 'fragment');
  let written = 0;
  for (const file of readdirSync(fragmentDir).filter((name) => name.endsWith('.pf_fragment'))) {
    const raw = gunzipSync(readFileSync(join(fragmentDir, file))).toString('utf8');
    if (!raw.startsWith(FRAGMENT_SIGNATURE)) throw new Error(`${file} is not a Pagefind fragment this build understands (Pagefind changed its format?)`);
    const fragment = JSON.parse(raw.slice(FRAGMENT_SIGNATURE.length)) as PagefindFragment;
    const { words, joiner } = pageWords(fragment.content);
    const dir = join(bundleDir, 'passage', file.slice(0, -'.pf_fragment'.length));
    mkdirSync(dir, { recursive: true });
    passageWindows(words).forEach((window, index) => {
      const passage: Passage = {
        url: fragment.url,
        meta: { title: fragment.meta.title, view: fragment.meta.view },
        filters: fragment.filters,
        total: words.length,
        from: window.from,
        words: window.words,
        joiner,
      };
      writeFileSync(join(dir, `${index}.passage`), gzipSync(JSON.stringify(passage), { level: 9 }));
      written++;
    });
  }
  return written;
}
