// R-DAY-11: a result delivered as a file (CSV of a report). The HTTP adapter recognises it and serves the
// text with its content type and file name; ToolJet gets the same object and can offer it for download.
import { z } from 'zod';
import { stringify } from 'csv-stringify/sync';

export const csvContentType = 'text/csv; charset=utf-8';

export const csvFile = z.object({
  format: z.literal('csv'),
  fileName: z.string().describe('suggested file name, e.g. monthly-2026-10.csv'),
  contentType: z.literal(csvContentType),
  basis: z.string().describe('what the figures count (R-DAY-11)'),
  csv: z.string().describe('UTF-8 text with a byte-order mark, so Excel shows Chinese text correctly'),
});
export type CsvFile = z.output<typeof csvFile>;

export const isCsvFile = (value: unknown): value is CsvFile => csvFile.safeParse(value).success;

/** A report's result asked for without `format: "csv"`: its JSON side (throws on a CSV file). */
export function asJson<T>(result: T | CsvFile): T {
  if (isCsvFile(result)) throw new Error('expected the JSON report, got its CSV file');
  return result;
}

export interface Table {
  columns: readonly string[];
  rows: readonly (readonly unknown[])[];
}

/** RFC 4180 text (csv-stringify quotes commas, quotes and line breaks); nulls are empty cells. */
export function csvOf(table: Table, fileName: string, basis: string): CsvFile {
  const csv = stringify([[...table.columns], ...table.rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : v)))], {
    bom: true,
    record_delimiter: 'windows',
    cast: { boolean: (v) => (v ? 'true' : 'false') },
  });
  return { format: 'csv', fileName, contentType: csvContentType, basis, csv };
}

/** HTTP headers that make a browser save the file under its name. */
export const fileHeaders = (file: CsvFile): Record<string, string> => ({
  'content-type': file.contentType,
  'content-disposition': `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`,
});
