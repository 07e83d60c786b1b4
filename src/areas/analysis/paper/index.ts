/** What the analysis registration (and later parts) may use from the observations paper. */
export { registerPaperRoutes } from './routes.tsx';
export { canViewPaper, canEditPaper, canChangePaperStatus } from './policy.ts';
export { paperFigures, type PaperFigures } from './figures.ts';
