/** What other areas may use from Article 7 reporting. */
export { registerReportingRoutes, reportingNavigation } from './routes.tsx';
export { seedMineTypes } from './mine-types.ts';
export { seedDemoReports } from './demo-reports.ts';
export { obligationsOf, initialObligation, annualObligation, type Obligation } from './report.ts';
/** Read-only use by other areas' read models (compliance): the report rows and their submitted versions. */
export { reports as reportsTable, reportVersions as reportVersionsTable } from './schema.ts';
export { CURRENT_FORMAT, getFormat, type ReportingFormat } from './formats.ts';
