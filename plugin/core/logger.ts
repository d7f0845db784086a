/** Library code never writes to the console; adapters pass one of these in. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export function consoleLogger(prefix = 'customerdesk'): Logger {
  const line = (level: string, message: string, fields?: Record<string, unknown>) => `${new Date().toISOString()} ${prefix} ${level} ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`;
  return {
    info: (m, f) => console.log(line('info', m, f)),
    warn: (m, f) => console.warn(line('warn', m, f)),
    error: (m, f) => console.error(line('error', m, f)),
  };
}
