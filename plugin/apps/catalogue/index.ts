import { archiveRoom } from './archive-room.js';
import { callbackDesk } from './callback-desk.js';
import { departmentTasks } from './department-tasks.js';
import { formDesigner } from './form-designer.js';
import { frontDesk } from './front-desk.js';
import { lendingDesk } from './lending-desk.js';
import { managerDashboard } from './manager-dashboard.js';
import { ticketBoard } from './ticket-board.js';
import type { TemplateApp } from './types.js';

/** The template apps of issue 7, in the order an administrator meets them. */
export const templateApps: readonly TemplateApp[] = [frontDesk, ticketBoard, departmentTasks, callbackDesk, archiveRoom, lendingDesk, managerDashboard, formDesigner];
