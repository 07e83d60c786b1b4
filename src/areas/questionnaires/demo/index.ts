/** Demo data of the questionnaires (src/seed.ts calls it in demo mode). */
export { seedDemoQuestionnaires, DEMO_CA_SURVEY_ID, DEMO_PLATFORMS_ID } from './demo-questionnaires.ts';
