/** What other areas may use from questionnaires. */
export { registerQuestionnairesRoutes, questionnairesNavigation } from './register.ts';
export { toFormDef, contentProblems, translationStatus, countedValues, hiddenAnswers, questionsLinkedTo, type QuestionnaireContent, type Question, type QSection, type Texts } from './content.ts';
export { findQuestionnaire, type QuestionnaireRow } from './questionnaires-repository.ts';
export { scheduleCirculationTasks } from './circulation/index.ts';
export { paperFindings, findingSentences, findingsParagraph, type PaperFindings, type QuestionnaireFindings, type Finding } from './results/index.ts';
