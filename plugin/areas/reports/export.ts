// R-DAY-11: every report says what it counts (`basis`) and can be exported as CSV (`format: "csv"`).
// defineReport adds both to a report's declaration, so no report can leave either out.
import { z } from 'zod';
import { defineOperation, type InputShape, type OperationDef, type OperationName } from '../../core/operation.js';
import { csvFile, csvOf, type CsvFile, type Table } from '../../core/export.js';
import { toJson } from '../../core/json.js';

export const formatInput = z.enum(['json', 'csv']).default('json').describe('json (default), or csv: the report as a CSV file (UTF-8, opens in Excel) with its basis (R-DAY-11)');

export const basisField = z.string().describe('what the figures count: which records, by which date (R-DAY-11)');

type ReportOutput = z.ZodObject<{ basis: typeof basisField }>;

interface ReportDef<N extends OperationName, I extends InputShape, O extends ReportOutput> extends Omit<OperationDef<N, I, O>, 'kind' | 'idempotent'> {
  /** The CSV of a result (instants already written as text): its file name and rows. */
  csv(result: z.output<O>, input: z.output<I>): { fileName: string; table: Table };
}

export function defineReport<const N extends OperationName, I extends InputShape, O extends ReportOutput>(def: ReportDef<N, I, O>) {
  const { csv, handler, ...declaration } = def;
  // The report, or with format csv its file: spelled out, as zod cannot simplify a union over a type parameter.
  const output: z.ZodType<z.output<O> | CsvFile, z.input<O> | CsvFile> = z.union([def.output, csvFile]);
  return defineOperation({
    ...declaration,
    kind: 'read',
    input: def.input.extend({ format: formatInput }),
    output,
    async handler(ctx, input) {
      // The runner validated `input` against the schema above: the report's own fields, plus format.
      const own = input as z.output<I>;
      const result = await handler(ctx, own);
      if (input.format !== 'csv') return result;
      const json = def.output.parse(toJson(result, ctx.zone));
      const { fileName, table } = csv(json, own);
      return csvOf(table, fileName, json.basis);
    },
  });
}

/** One row per object, one column per field of the row schema (so an empty report still has its header). */
export function rowsTable<S extends z.ZodObject>(row: S, rows: readonly z.output<S>[]): Table {
  const columns = Object.keys(row.shape);
  return { columns, rows: rows.map((r) => columns.map((c) => cell((r as Record<string, unknown>)[c]))) };
}

const cell = (v: unknown): unknown => (v !== null && typeof v === 'object' ? JSON.stringify(v) : v);

/**
 * A nested report as long rows (section, item, measure, value): a list of rows is keyed by its first text
 * field (a clock, a unit, a key), an object by its fields.
 */
export function longTable(report: Record<string, unknown>, skip: readonly string[]): Table {
  const rows: unknown[][] = [];
  const walk = (section: string, value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value as Record<string, unknown>[]) {
        const [keyField, key] = Object.entries(item).find(([, v]) => typeof v === 'string') ?? ['', ''];
        for (const [measure, v] of Object.entries(item)) if (measure !== keyField) rows.push([section, key, measure, cell(v)]);
      }
    } else if (value !== null && typeof value === 'object') {
      for (const [field, v] of Object.entries(value)) {
        if (v !== null && typeof v === 'object') walk(`${section}.${field}`, v);
        else rows.push([section, '', field, v]);
      }
    } else rows.push([section, '', '', value]);
  };
  for (const [section, value] of Object.entries(report)) if (!skip.includes(section)) walk(section, value);
  return { columns: ['section', 'item', 'measure', 'value'], rows };
}
