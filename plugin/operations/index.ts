import type { AnyOperation } from '../core/operation.js';
import system from './system.js';
import staff from './staff.js';
import departments from './departments.js';
import settings from './settings.js';
import calendar from './calendar.js';

/** Every area's declarations; the registry (core/registry.ts) checks names and builds the lookup. */
export const allOperations: readonly AnyOperation[] = [...system, ...staff, ...departments, ...settings, ...calendar];
