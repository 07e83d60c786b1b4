/**
 * Test records for questionnaires written straight to the database, so each part (builder,
 * circulation, answering, results) can be tested on its own: a questionnaire with a version of
 * the given content (frozen and open when `circulated`), invitations with known tokens, responses.
 */
import type { Database } from '../../src/platform/db/client.ts';
import { questionnaires, questionnaireVersions, questionnaireInvitations, questionnaireResponses, type Audience } from '../../src/areas/questionnaires/schema.ts';
import type { QuestionnaireContent, Texts } from '../../src/areas/questionnaires/content.ts';
import { randomUUID } from 'node:crypto';
import { newInvitationLink, respondentKeyOf } from '../../src/areas/questionnaires/respondents.ts';

/** A small questionnaire with a yes/no question, a conditional follow-up, a choice, a number, a text and a table. */
export const SAMPLE_CONTENT: QuestionnaireContent = {
  sections: [
    {
      id: 'support',
      title: { en: 'Support received', fr: 'Soutien reçu', ar: 'الدعم المتلقى' },
      questions: [
        { id: 'received', type: 'yesno', label: { en: 'Did your programme receive international support in 2022?', fr: 'Votre programme a-t-il reçu un soutien international en 2022 ?', ar: 'هل تلقى برنامجكم دعمًا دوليًا في عام 2022؟' }, required: true },
        { id: 'amount', type: 'number', label: { en: 'Amount received', fr: 'Montant reçu', ar: 'المبلغ المتلقى' }, unit: { en: 'USD', fr: 'USD', ar: 'دولار أمريكي' }, min: 0, showIf: { question: 'received', in: ['yes'] }, required: true, actions: ['OAP-42'] },
        {
          id: 'kind',
          type: 'single',
          label: { en: 'Main kind of support', fr: 'Principal type de soutien', ar: 'النوع الرئيسي للدعم' },
          options: [
            { value: 'funds', label: { en: 'Funds', fr: 'Fonds', ar: 'أموال' } },
            { value: 'equipment', label: { en: 'Equipment', fr: 'Équipement', ar: 'معدات' } },
            { value: 'training', label: { en: 'Training', fr: 'Formation', ar: 'تدريب' } },
          ],
          showIf: { question: 'received', in: ['yes'] },
        },
        { id: 'challenges', type: 'long_text', label: { en: 'Main challenges', fr: 'Principales difficultés', ar: 'التحديات الرئيسية' } },
      ],
    },
    {
      id: 'gender',
      title: { en: 'Gender and diversity', fr: 'Genre et diversité', ar: 'النوع الاجتماعي والتنوع' },
      questions: [
        { id: 'integrated', type: 'yesno', label: { en: 'Are gender and diversity considered in cooperation?', fr: 'Le genre et la diversité sont-ils pris en compte dans la coopération ?', ar: 'هل يؤخذ النوع الاجتماعي والتنوع في الاعتبار في التعاون؟' }, actions: ['OAP-45'] },
        {
          id: 'teams',
          type: 'table',
          label: { en: 'Teams', fr: 'Équipes', ar: 'الأفرقة' },
          columns: [
            { id: 'name', type: 'short_text', label: { en: 'Team', fr: 'Équipe', ar: 'الفريق' } },
            { id: 'women', type: 'number', label: { en: 'Women', fr: 'Femmes', ar: 'النساء' }, min: 0 },
          ],
          maxRows: 50,
        },
      ],
    },
  ],
};

export interface QuestionnaireFixture {
  questionnaireId: string;
  versionId: string;
}

/** A questionnaire with one version; circulated (frozen, open from yesterday) unless `circulated: false`. */
export async function createQuestionnaire(
  database: Database,
  opts: { title?: Texts; content?: QuestionnaireContent; circulated?: boolean; opensAt?: Date | null; closesAt?: Date | null; closedAt?: Date | null; committeeId?: string | null; createdBy?: string | null } = {},
): Promise<QuestionnaireFixture> {
  const circulated = opts.circulated ?? true;
  const now = Date.now();
  const [q] = await database.db
    .insert(questionnaires)
    .values({
      title: opts.title ?? { en: 'Cooperation and assistance in 2022', fr: 'Coopération et assistance en 2022', ar: 'التعاون والمساعدة في عام 2022' },
      committeeId: opts.committeeId === undefined ? 'cooperation-assistance' : opts.committeeId,
      opensAt: opts.opensAt === undefined ? (circulated ? new Date(now - 86_400_000) : null) : opts.opensAt,
      closesAt: opts.closesAt === undefined ? (circulated ? new Date(now + 30 * 86_400_000) : null) : opts.closesAt,
      circulatedAt: circulated ? new Date(now - 86_400_000) : null,
      closedAt: opts.closedAt ?? null,
      createdBy: opts.createdBy ?? null,
    })
    .returning();
  const [v] = await database.db
    .insert(questionnaireVersions)
    .values({ questionnaireId: q!.id, versionNo: 1, content: opts.content ?? SAMPLE_CONTENT, frozenAt: circulated ? new Date(now - 86_400_000) : null, createdBy: opts.createdBy ?? null })
    .returning();
  return { questionnaireId: q!.id, versionId: v!.id };
}

/** An invitation with its personal-link token (signed with `secret`: the test app's `config.secret`). */
export async function createInvitation(
  database: Database,
  secret: string,
  questionnaireId: string,
  opts: { audience?: Audience; stateIso2?: string | null; userId?: string | null; email?: string; name?: string; locale?: string; expiresAt?: Date; revokedAt?: Date | null } = {},
) {
  const id = randomUUID();
  const { token, tokenHash, linkNonce } = newInvitationLink(secret, id);
  const [row] = await database.db
    .insert(questionnaireInvitations)
    .values({
      id,
      questionnaireId,
      linkNonce,
      audience: opts.audience ?? 'mine_action_director',
      stateIso2: opts.stateIso2 === undefined ? 'SN' : opts.stateIso2,
      userId: opts.userId ?? null,
      name: opts.name ?? 'Test respondent',
      email: opts.email ?? `respondent.${Math.random().toString(36).slice(2, 8)}@test.example.org`,
      locale: opts.locale ?? 'en',
      tokenHash,
      expiresAt: opts.expiresAt ?? new Date(Date.now() + 60 * 86_400_000),
      revokedAt: opts.revokedAt ?? null,
      sentAt: new Date(),
    })
    .returning();
  return { invitation: row!, token };
}

/** A response for an invitation, with the given answers. */
export async function createResponse(
  database: Database,
  fixture: QuestionnaireFixture,
  invitation: { id: string; audience: Audience; stateIso2: string | null },
  opts: { values?: Record<string, Record<string, unknown>>; submitted?: boolean; locale?: string } = {},
) {
  const submittedAt = opts.submitted ? new Date() : null;
  const [row] = await database.db
    .insert(questionnaireResponses)
    .values({
      questionnaireId: fixture.questionnaireId,
      versionId: fixture.versionId,
      respondentKey: respondentKeyOf(invitation),
      audience: invitation.audience,
      stateIso2: invitation.stateIso2,
      values: opts.values ?? {},
      status: opts.submitted ? 'submitted' : 'in_progress',
      locale: opts.locale ?? 'en',
      firstSubmittedAt: submittedAt,
      submittedAt,
      submittedByName: opts.submitted ? 'Test respondent' : null,
    })
    .returning();
  return row!;
}
