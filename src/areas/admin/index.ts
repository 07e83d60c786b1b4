/** Administration pages that belong to no business area: audit log, e-mail outbox. */
export { registerAdminRoutes, adminNavigation } from './register.ts';
