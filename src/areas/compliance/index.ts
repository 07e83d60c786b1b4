/** What other areas and the composition root may use from compliance. */
export { registerComplianceRoutes, complianceNavigation } from './register.ts';
export { seedReminderRules } from './reminder-rules-commands.ts';
export { scheduleComplianceTasks, REMINDERS_TASK } from './tasks.ts';
export { sendDueReminders, type ReminderRunResult } from './reminders-commands.ts';
