// LIKE patterns from user text: \, % and _ match themselves (the default escape character is \). Lower-cased,
// as every searched text is lower-cased in SQL.
const escaped = (s: string): string => s.toLowerCase().replace(/[\\%_]/g, '\\$&');

/** Text that starts with `s` (a text_pattern_ops b-tree index answers it). */
export const likePrefix = (s: string): string => `${escaped(s)}%`;

/** Text that contains `s` anywhere (a pg_trgm index answers it, migration 007). */
export const likeContains = (s: string): string => `%${escaped(s)}%`;
