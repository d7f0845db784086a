// One set of result conversions for both drivers, so handlers see the same values on pg and PGlite:
// int8/numeric as numbers (ids and counts stay far below 2^53), date as 'YYYY-MM-DD' text (no local-midnight Date).
export const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082, TIMESTAMPTZ: 1184 } as const;

export const parsers: Record<number, (value: string) => unknown> = {
  [OID.INT8]: (v) => Number(v),
  [OID.NUMERIC]: (v) => Number(v),
  [OID.DATE]: (v) => v,
};
