import type { AnyOperation, InputOf, OpName, OutputOf } from './core/operation.js';
import { buildRegistry } from './core/registry.js';
import { createCaller } from './core/caller.js';
import system from './areas/system/operations.js';
import staff from './areas/staff/operations.js';
import departments from './areas/departments/operations.js';
import settings from './areas/settings/operations.js';
import calendar from './areas/calendar/operations.js';
import customers from './areas/customers/operations.js';
import archives from './areas/archives/operations.js';
import edits from './areas/edits/operations.js';
import loans from './areas/loans/operations.js';
import tickets from './areas/tickets/operations.js';
import callbacks from './areas/callbacks/operations.js';
import reports from './areas/reports/operations.js';
import shifts from './areas/shifts/operations.js';
import notifications from './areas/notifications/operations.js';
import forms from './areas/forms/operations.js';
import surveys from './areas/surveys/operations.js';
import documents from './areas/documents/operations.js';
import incidents from './areas/incidents/operations.js';
import attachments from './areas/attachments/operations.js';
import appointments from './areas/appointments/operations.js';

/** The composition root: every area's declarations. Core knows none of them; this list is handed to it. */
export const operations = [
  ...system,
  ...staff,
  ...departments,
  ...settings,
  ...calendar,
  ...customers,
  ...archives,
  ...edits,
  ...loans,
  ...tickets,
  ...callbacks,
  ...reports,
  ...shifts,
  ...notifications,
  ...forms,
  ...surveys,
  ...documents,
  ...incidents,
  ...attachments,
  ...appointments,
] as const;

declare module './core/operation.js' {
  // Makes OpName, InputOf<N> and OutputOf<N> (and so ctx.call and createCaller) exact.
  interface Register {
    operations: typeof operations;
  }
}

/** Every operation by name: what the runner, operations.json, OpenAPI, docs and apps are built from. */
export const registry = buildRegistry(operations);

export const operationList = (): AnyOperation[] => [...registry.values()];

export { createCaller };
export type { InputOf, OpName, OutputOf };
