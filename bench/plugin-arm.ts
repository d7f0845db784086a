// Arm (a): the operation through dist/index.js, evaluated as ToolJet evaluates it (test/support/bundle.ts), called
// with string inputs and a ToolJet user as ToolJet's server calls it.
import { loadBundle, type LoadedBundle } from '../test/support/bundle.js';
import type { Inputs } from './ops.js';

/** ToolJet's data source id and "updated at": the bundle keeps one pool per (id, updatedAt). */
const DATA_SOURCE = { id: 'bench-ds', updatedAt: '1' } as const;

export class PluginArm {
  private readonly plugin: InstanceType<LoadedBundle['Plugin']>;

  constructor(private readonly sourceOptions: Record<string, string>) {
    this.plugin = new (loadBundle().Plugin)();
  }

  /** Applies the migrations into the (new) schema, as ToolJet's "Test connection" button does. */
  async connect(): Promise<void> {
    const result = await this.plugin.testConnection(this.sourceOptions);
    if (result.status !== 'ok') throw new Error(`testConnection failed: ${result.message}`);
  }

  async run(operation: string, input: Inputs, user: string): Promise<unknown> {
    try {
      const result = await this.plugin.run(this.sourceOptions, { operation, ...input }, DATA_SOURCE.id, DATA_SOURCE.updatedAt, { user: { id: user } });
      return result.data;
    } catch (e) {
      // A QueryError carries the reason in `description`; a benchmark that measures failures measures nothing.
      const { message, description } = e as { message?: string; description?: string };
      throw new Error(`${operation} ${JSON.stringify(input)} failed: ${message} ${description ?? ''}`);
    }
  }
}
