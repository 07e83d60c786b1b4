/**
 * Answering questionnaires (issue 6, part 3): the respondent's pages under a personal link or a
 * signed-in invitation, and the commands other parts may use.
 */
export { registerAnsweringRoutes } from './routes.tsx';
export { saveSection, submitResponse, addResponseFile, removeResponseFile, type Respondent } from './responses-commands.ts';
export { listFiles as listResponseFiles, listEvents as listResponseEvents, type ResponseRow, type ResponseEventRow } from './responses-repository.ts';
