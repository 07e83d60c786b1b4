/** What other areas and the composition root may use from the Committee's engagement records. */
export { registerEngagementRoutes, engagementNavigation } from './register.ts';
export { seedDemoEngagement } from './demo.ts';
export { publishedIndividualisedApproachReports, findIndividualisedApproachForLink, type PublishedIaReport } from './individualised/index.ts';
