// R-DOC-1: a refused template names the line and the reason in the author's terms, not the parser's.

// Grammar token names mean nothing to a template author ('UNDEFINED' even reads like a bug).
const tokenWords: Record<string, string> = { EOF: 'end of the text', INVALID: 'character', CLOSE: '}}', CLOSE_UNESCAPED: '}}}', OPEN: '{{' };
const endOfText = 'the text ends inside a {{ }} tag';
const malformed = (expecting: string): string => {
  const token = /got '(\w+)'$/.exec(expecting)?.[1] ?? '';
  return token === 'EOF' ? endOfText : `malformed {{ }} tag: unexpected ${tokenWords[token] ?? token.toLowerCase()}`;
};

export function lineFromError(e: unknown): { line: number; reason: string } {
  const err = e as { message?: string; lineNumber?: number };
  const message = String(err.message ?? e);
  const line = err.lineNumber ?? Number(/line (\d+)/.exec(message)?.[1] ?? 0);
  // Parse errors read "Parse error on line N:", a source excerpt, a caret line, what was expected.
  const parts = message.split('\n').filter((l) => l.trim() && !/^[-.\s]*\^$/.test(l));
  const parse = /^Parse error on line \d+:$/.test(parts[0] ?? '') && parts.length > 2;
  const reason = parse ? malformed(parts[parts.length - 1] ?? '') : parts.join(' ');
  return { line, reason: reason.replace(/ - \d+:\d+$/, '') };
}

const blockTag = /\{\{~?\s*([#^/])\s*>?\s*([^\s}~]+)/g;
const lineAt = (source: string, index: number): number => source.slice(0, index).split('\n').length;

/** The line of the tag that closes the block whose name starts at (line, column); undefined if none does. */
function closingLine(source: string, line: number, column: number): number | undefined {
  const tags = new RegExp(blockTag);
  tags.lastIndex =
    source
      .split('\n')
      .slice(0, line - 1)
      .reduce((n, l) => n + l.length + 1, 0) + column;
  let depth = 1;
  for (let m = tags.exec(source); m; m = tags.exec(source)) {
    depth += m[1] === '/' ? -1 : 1;
    if (depth === 0) return lineAt(source, m.index);
  }
  return undefined;
}

/** The innermost block still open at the end of the text. */
function unclosedBlock(source: string): { name: string; line: number } | undefined {
  const open: { name: string; line: number }[] = [];
  for (const m of source.matchAll(blockTag)) {
    if (m[1] === '/') open.pop();
    else open.push({ name: m[2] ?? '', line: lineAt(source, m.index) });
  }
  return open.at(-1);
}

/**
 * Handlebars reports a wrong closing tag ("if doesn't match each") at the block it opened, and a
 * missing one as "got 'EOF'" on the last line; the author needs the tag to fix, so that is named.
 */
export function parseProblem(source: string, e: unknown): { line: number; reason: string } {
  const problem = lineFromError(e);
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(problem.reason);
  const column = (e as { column?: number }).column;
  const close = mismatch && column !== undefined ? closingLine(source, problem.line, column) : undefined;
  if (mismatch && close !== undefined) return { line: close, reason: `{{/${mismatch[2]}}} does not close {{#${mismatch[1]}}} opened on line ${problem.line}` };
  const unclosed = problem.reason === endOfText ? unclosedBlock(source) : undefined;
  if (unclosed) return { line: unclosed.line, reason: `{{#${unclosed.name}}} is never closed (add {{/${unclosed.name}}})` };
  return problem;
}
