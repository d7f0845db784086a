// The bundle under each of ToolJet's three loader forms (harness/tooljet-loader.ts), evaluated afresh for
// every call as ToolJet's server does: it evaluates, tests its connection, runs, and a refusal reaches ToolJet as
// its QueryError (recognised by constructor.name) with message, description and data intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleDatabase } from '../harness/bundle.js';
import { bundleText, evaluatePlugin, loaderForms, toolJetPlugin } from '../harness/tooljet-loader.js';
import { asToolJetShows } from './support/tooljet-result.js';

let db: Awaited<ReturnType<typeof bundleDatabase>>;

beforeAll(async () => {
  db = await bundleDatabase();
  // The first call on an empty database makes its caller the administrator (R-ACT-1).
  const first = await toolJetPlugin().run(db.options, { operation: 'staff.upsert', name: '管理员', tooljetUserId: 'tj-root', roles: '["admin"]' }, 'ds-forms', 'v1');
  expect(first.status).toBe('ok');
});
afterAll(async () => db.stop());

describe.each(loaderForms)('ToolJet loader form %i, a fresh evaluation per call', (form) => {
  const plugin = toolJetPlugin({ form });
  const root = { user: { id: 'tj-root' } };

  it('evaluates to a class whose instances have run and testConnection', () => {
    const service = evaluatePlugin(bundleText(), form);
    expect(typeof service.run).toBe('function');
    expect(typeof service.testConnection).toBe('function');
  });

  it('testConnection is ok', async () => {
    const result = await plugin.testConnection(db.options);
    expect(result, result.message).toMatchObject({ status: 'ok', message: expect.stringMatching(/version \d+ of \d+/) });
  });

  it('run is ok, and a later fresh evaluation finds the same data source working', async () => {
    const info = await plugin.run(db.options, { operation: 'system.info' }, 'ds-forms', 'v1', root);
    expect(info.status).toBe('ok');
    expect(info.data.actor.name).toBe('管理员');
    const again = await plugin.run(db.options, { operation: 'departments.list' }, 'ds-forms', 'v1', root);
    expect(again.status).toBe('ok');
  });

  it('a refused call is a QueryError by constructor.name, and ToolJet shows its message, description and data', async () => {
    const error = await plugin.run(db.options, { operation: 'departments.upsert', code: 'Not Valid', name: '' }, 'ds-forms', 'v1', root).catch((e: unknown) => e);
    expect((error as object).constructor.name).toBe('QueryError');
    const shown = asToolJetShows(error);
    expect(shown.message).not.toBe('Internal server error');
    expect(shown).toMatchObject({ status: 'failed', description: expect.stringMatching(/^VALIDATION: /), data: { code: 'VALIDATION' } });
    expect((shown.data as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(expect.arrayContaining(['code', 'name']));
  });

  it('R-ACT-2 an unknown ToolJet user and an unknown operation reach ToolJet as QueryError too', async () => {
    const forbidden = await plugin.run(db.options, { operation: 'staff.list' }, 'ds-forms', 'v1', { user: { id: 'tj-stranger' } }).catch((e: unknown) => e);
    expect(asToolJetShows(forbidden)).toMatchObject({ data: { code: 'FORBIDDEN' }, description: expect.stringMatching(/^FORBIDDEN: /) });
    const unknown = await plugin.run(db.options, { operation: 'no.such' }, 'ds-forms', 'v1', root).catch((e: unknown) => e);
    expect(asToolJetShows(unknown)).toMatchObject({ message: expect.stringContaining('no.such'), data: { code: 'VALIDATION' } });
  });
});
