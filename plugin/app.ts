import type { AnyOperation } from './core/operation.js';
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

/** Every area's declarations; the registry (core/registry.ts) checks names and builds the lookup. */
export const allOperations: readonly AnyOperation[] = [
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
];
