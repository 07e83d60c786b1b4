/**
 * What other parts of the analysis (the observations paper) and the composition root may use
 * from the follow-ups.
 */
export { followUpCandidates, listFollowUps, getFollowUp, type FollowUpCandidate, type FollowUpSummary, type CandidateOptions, type NextReport } from './followups-queries.ts';
export { COOPERATION_WITHOUT_GENDER, GAP_KEYS } from './gaps.ts';
export { registerFollowUpRoutes } from './routes.tsx';
export { seedLetterTemplates } from './followups-commands.ts';
export { canViewFollowUps, canManageFollowUps, canEditLetterTemplates } from './policy.ts';
