import { describe, expect, it } from 'vitest';
import { readCsvTable } from '../../src/lib/dashboard/csv-parse.ts';
import { csvTemplate, formItemTexts, suggestMapping } from '../../src/lib/dashboard/csv-mapping.ts';
import { importCsv } from '../../src/lib/dashboard/csv-import.ts';
import { createDataset } from '../../src/lib/dashboard/dataset.ts';
import { siteInstrument as instrument } from '../support/instrument.ts';

describe('the ready CSV template', () => {
  for (const locale of ['ja', 'en'] as const) {
    it(`maps every column by itself when it comes back filled in (${locale})`, async () => {
      const template = csvTemplate(instrument, locale);
      expect(template.startsWith('\uFEFF')).toBe(true);
      const items = formItemTexts(instrument, locale);
      const answers = items.map((_, index) => String((index % 5) + 1));
      const row = ['after', instrument.roles.at(-1)!.label[locale], '', 'T-1', '2026-11-20', ...answers, '4', '5', '9', ''];
      const read = await readCsvTable(new TextEncoder().encode(template + row.map((cell) => (cell.includes(',') ? `"${cell}"` : cell)).join(',') + '\r\n'));
      if (!read.ok) throw new Error(read.error.detail);
      expect(read.table.headers.slice(5, 5 + items.length)).toEqual(items);
      const mapping = suggestMapping(read.table.headers, instrument, read.table.rows);
      expect(mapping.columns.filter((column) => column.use === 'ignore' || column.use === 'personal').map((column) => column.header)).toEqual([]);
      const result = await importCsv(createDataset('T', instrument), read.table, mapping, { instrument, defaults: {} });
      if (!result.ok) throw new Error(result.error.detail);
      expect(result.batch.rejected).toEqual([]);
      expect(result.batch.accepted).toHaveLength(1);
      expect(result.batch.accepted[0]!.cohort).toBe('T-1');
    });
  }
});
