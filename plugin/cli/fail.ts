// A user's mistake ends the program with one line naming the fix and a non-zero exit — never a stack.
// Errors we raise on purpose are UserErrors; a few well-known Node and driver errors are translated here.

/** A mistake the person at the keyboard can fix; `message` says how. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

interface NodeError {
  code?: string;
  message?: string;
  address?: string;
  port?: number;
  hostname?: string;
  input?: string;
}

const databaseHint = 'check DATABASE_URL (or --database-url), or unset it to use the embedded database';

/** One line for any error; the stack only with CUSTOMERDESK_DEBUG=1. */
export function explain(e: unknown): { line: string; exitCode: number } {
  if (e instanceof UserError) return { line: e.message, exitCode: e.exitCode };
  const n = (e ?? {}) as NodeError;
  const where = n.address ? `${n.address}${n.port ? `:${n.port}` : ''}` : (n.hostname ?? '');
  switch (n.code) {
    case 'EADDRINUSE':
      return { line: `port ${n.port ?? ''} is already in use: stop the other program or choose another port with --port`, exitCode: 1 };
    case 'EACCES':
      return { line: `not allowed to listen on port ${n.port ?? ''}: choose a port above 1024 with --port`, exitCode: 1 };
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
      return { line: `cannot reach the database${where ? ` at ${where}` : ''} (${n.code}): ${databaseHint}`, exitCode: 1 };
    case 'ERR_INVALID_URL':
      return { line: `"${n.input ?? ''}" is not a URL: write it in full, e.g. http://localhost:8082`, exitCode: 2 };
    case '28P01':
    case '3D000':
      return { line: `the database refused the connection: ${n.message ?? n.code}; ${databaseHint}`, exitCode: 1 };
  }
  const message = e instanceof Error ? e.message : String(e);
  if (/timeout.*connect|connection terminated/i.test(message)) return { line: `cannot reach the database (${message}): ${databaseHint}`, exitCode: 1 };
  return { line: message.split('\n')[0] ?? message, exitCode: 1 };
}

/** Prints the one line and exits; the only place the CLI turns an error into an exit. */
export function exitWith(e: unknown, program = 'customerdesk'): never {
  const { line, exitCode } = explain(e);
  process.stderr.write(`${program}: ${line}\n`);
  if (process.env.CUSTOMERDESK_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  process.exit(exitCode);
}
