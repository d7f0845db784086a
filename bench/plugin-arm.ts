// Arm (a): the operation through dist/index.js, called with string inputs and a ToolJet user as ToolJet's server calls
// it. Two ways to hold the bundle (harness/tooljet-loader.ts): 'warm' evaluates it once and reuses the instance;
// 'tooljet' evaluates it afresh for every call under ToolJet's newest loader form (3), as ToolJet's server does.
import { bundleText, evaluatePlugin, type PluginService } from '../harness/tooljet-loader.js';
import type { Inputs } from './ops.js';

/**
 * ToolJet's data source id and "updated at": the bundle keeps one pool per (id, updatedAt) for the whole process,
 * so each scale's schema is a data source of its own (a pool of the previous, dropped schema would answer).
 */
const dataSource = (options: Record<string, string>) => ({ id: `bench-ds-${options.schema ?? ''}`, updatedAt: '1' });

export type Loading = 'warm' | 'tooljet';

export class PluginArm {
  private readonly warm: PluginService;

  constructor(
    private readonly sourceOptions: Record<string, string>,
    private readonly loading: Loading = 'warm',
  ) {
    this.warm = evaluatePlugin(bundleText(), 3);
  }

  private service(): PluginService {
    return this.loading === 'warm' ? this.warm : evaluatePlugin(bundleText(), 3);
  }

  /** Applies the migrations into the (new) schema, as ToolJet's "Test connection" button does. */
  async connect(): Promise<void> {
    const result = await this.service().testConnection(this.sourceOptions);
    if (result.status !== 'ok') throw new Error(`testConnection failed: ${result.message}`);
  }

  async run(operation: string, input: Inputs, user: string): Promise<unknown> {
    try {
      const { id, updatedAt } = dataSource(this.sourceOptions);
      const result = await this.service().run(this.sourceOptions, { operation, ...input }, id, updatedAt, { user: { id: user } });
      return result.data;
    } catch (e) {
      // A QueryError carries the reason in `description`; a benchmark that measures failures measures nothing.
      const { message, description } = e as { message?: string; description?: string };
      throw new Error(`${operation} ${JSON.stringify(input)} failed: ${message} ${description ?? ''}`);
    }
  }
}
