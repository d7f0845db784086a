import type { Caller } from '../core/caller.js';
import type { Env } from '../core/runner.js';

/** What an area's demo-data seeder gets (plugin/seed/<area>.ts, called in order by plugin/seed/index.ts). */
export interface SeedContext {
  /** The database, site and zone; set-based seeders write through env.db in one transaction. */
  env: Env;
  /** Runs an operation as a staff member, for the records that show each workflow step live. */
  as(staffId: number): Caller;
  /** Pins the clock the operations see (to backdate history); null = wall clock. */
  setNow(at: Date | null): void;
  /** Deterministic random numbers in [0, 1) (seeded), so every demo database is the same. */
  random(): number;
  /** Progress for the console bar and /healthz. */
  progress(step: string, done: number, total: number): void;
  staff: SeedStaff;
  /** What earlier seeders made, for later ones (customers → loans, tickets). */
  made: { customerIds: number[]; units: string[]; archiveIds: number[] };
}

export interface SeedStaff {
  admin: number;
  agents: number[];
  supervisors: number[];
  managers: number[];
  directors: number[];
  /** department code → head staff id */
  heads: Record<string, number>;
  /** department code → staff ids (including head) */
  departments: Record<string, number[]>;
}
