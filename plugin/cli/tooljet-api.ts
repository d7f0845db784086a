// The few ToolJet server endpoints the installer uses (TOOLJET.md, "How an administrator installs"), over fetch.
// Signs in with a workspace admin's e-mail and password and keeps the session cookie, as the browser does.

export class InstallError extends Error {
  override readonly name = 'InstallError';
}

export interface Credentials {
  email: string;
  password: string;
  /** Workspace (organization) id; default: the one the sign-in lands in. */
  workspaceId?: string;
}

export interface ToolJetApi {
  readonly workspaceId: string;
  get(path: string): Promise<{ status: number; body: unknown }>;
  send(method: 'POST' | 'PATCH' | 'PUT', path: string, body: unknown): Promise<{ status: number; body: unknown }>;
}

const messageOf = (body: unknown): string => {
  if (typeof body === 'object' && body !== null && 'message' in body) {
    const m = (body as { message: unknown }).message;
    return Array.isArray(m) ? m.join('; ') : String(m);
  }
  return typeof body === 'string' ? body.slice(0, 200) : '';
};

/** Explains a failed call in the administrator's terms. */
export function failure(what: string, res: { status: number; body: unknown }): InstallError {
  const detail = messageOf(res.body);
  return new InstallError(`${what}: HTTP ${res.status}${detail ? ` — ${detail}` : ''}`);
}

async function call(url: string, init: RequestInit): Promise<{ status: number; body: unknown; cookies: string[] }> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  } catch (e) {
    throw new InstallError(`cannot reach ToolJet at ${new URL(url).origin} (${e instanceof Error ? e.message : String(e)})`);
  }
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text for the error message
  }
  return { status: res.status, body, cookies: res.headers.getSetCookie() };
}

export async function signIn(baseUrl: string, credentials: Credentials): Promise<ToolJetApi> {
  const root = baseUrl.replace(/\/+$/, '');
  const login = await call(`${root}/api/authenticate${credentials.workspaceId ? `/${credentials.workspaceId}` : ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: credentials.email, password: credentials.password }),
  });
  if (login.status >= 400) throw failure(`signing in as ${credentials.email}`, login);
  const workspaceId = credentials.workspaceId ?? String((login.body as { current_organization_id?: unknown } | null)?.current_organization_id ?? '');
  if (!workspaceId) throw new InstallError('signed in, but ToolJet did not say which workspace; pass --workspace-id');
  const cookie = login.cookies.map((c) => c.split(';')[0]).join('; ');
  const headers = { cookie, 'tj-workspace-id': workspaceId, 'content-type': 'application/json' };
  return {
    workspaceId,
    get: (path) => call(`${root}${path}`, { method: 'GET', headers }),
    send: (method, path, body) => call(`${root}${path}`, { method, headers, body: JSON.stringify(body) }),
  };
}
