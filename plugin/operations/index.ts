import type { AnyOperation } from '../core/operation.js';
import system from './system.js';
import staff from './staff.js';
import departments from './departments.js';
import settings from './settings.js';
import calendar from './calendar.js';
import customers from './customers.js';
import archives from './archives.js';
import edits from './edits.js';
import loans from './loans.js';
import tickets from './tickets.js';
import callbacks from './callbacks.js';
import reports from './reports.js';
import shifts from './shifts.js';
import notifications from './notifications.js';
import forms from './forms.js';
import surveys from './surveys.js';
import documents from './documents.js';

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
];
