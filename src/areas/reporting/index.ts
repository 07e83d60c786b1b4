/** What other areas may use from Article 7 reporting. */
export { registerReportingRoutes, reportingNavigation } from './routes.tsx';
export { seedMineTypes } from './mine-types.ts';
export { seedDemoReports } from './demo-reports.ts';
