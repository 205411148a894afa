/**
 * Builds the Pagefind index into `<outDir>/pagefind/`. One index per `<html lang>`, so Japanese and English are searched
 * apart. Then the search passages, from which the dialog shows excerpts without fetching whole pages' text.
 */
import * as pagefind from 'pagefind';
import { writePassages } from './search-passages.ts';

export async function indexSite(outDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    writePassages(`${outDir}/pagefind`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
