/** Administration pages that belong to no business area (audit log, e-mail outbox) and the CLI's account commands. */
export { registerAdminRoutes, adminNavigation } from './register.ts';
export { CliCommandError, createApiTokenFromCli, createUserFromCli, resetPasswordFromCli, API_TOKEN_DEFAULT_DAYS, INVITATION_DAYS } from './cli-commands.ts';
