/**
 * Demo questionnaires (demo mode only): the Committee's 2023 survey on cooperation and assistance,
 * gender and diversity — circulated on 1 May 2023 to national mine action directors of affected
 * States and to donor States' focal points, closed at the end of June 2023 — with answers from
 * nine States in five languages (one response still in progress, one changed after submission,
 * a few analysts' tags); and a short follow-up questionnaire open now, so the demo has something
 * to answer.
 *
 * Everything is flagged is_demo and named "demo". The people are invented; their addresses use
 * the reserved example.org domain. Idempotent: each questionnaire has a fixed id and is skipped
 * when it exists.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../../platform/db/client.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../../platform/audit/audit.ts';
import { randomToken } from '../../../platform/auth/crypto.ts';
import type { FormValues } from '../../../platform/forms/definition.ts';
import { newInvitationLink, respondentKeyOf } from '../respondents.ts';
import type { Audience } from '../schema.ts';
import type { QuestionnaireContent, Texts } from '../content.ts';
import * as repo from './demo-repository.ts';
import { CA_SURVEY_CONTENT, CA_SURVEY_DESCRIPTION, CA_SURVEY_TITLE, PLATFORMS_CONTENT, PLATFORMS_DESCRIPTION, PLATFORMS_TITLE } from './demo-content.ts';

/** Fixed ids, so the seed is idempotent and tests and links can find the demo questionnaires. */
export const DEMO_CA_SURVEY_ID = '6d1e0000-0000-4000-8000-000000002023';
export const DEMO_PLATFORMS_ID = '6d1e0000-0000-4000-8000-000000000045';

const SEED_ACTOR: Actor = { userId: null, label: 'seed' };
const DAY = 86_400_000;

export interface DemoRespondent {
  iso2: string;
  audience: Audience;
  name: string;
  email: string;
  locale: string;
  /** An account the invitation names (the invitee may answer after signing in). */
  userEmail?: string;
  response?: {
    status: 'submitted' | 'in_progress';
    /** When it was (first) submitted, or last saved while in progress. */
    at: string;
    values: FormValues;
    /** A change after submission: the new values and when (kept in the history with the first ones). */
    change?: { at: string; values: FormValues };
    tags?: { path: string; tag: string }[];
  };
}

const d = (iso: string) => new Date(`${iso}T10:00:00Z`);
let rowNo = 0;
const row = (r: Record<string, unknown>) => ({ _id: `demo${++rowNo}`, ...r });

/* ------------------------------------------------------------------ the 2023 survey's respondents */

const colombiaFirst: FormValues = {
  support: { received: true, amount: 9_500_000, forms: ['funding', 'expertise', 'south_south'], duration: 'multi_year', plan: false },
  coordination: {
    platform: 'regular',
    meetings: [row({ topic: 'Mesa de coordinación de donantes', held_on: '2022-04-28', participants: 50, women: 21 })],
    challenges:
      'La presencia de grupos armados no estatales impide el acceso a muchas zonas rurales. Necesitamos más apoyo para la educación en el riesgo de minas dirigida a comunidades indígenas y afrodescendientes.',
  },
  gender: { integrated: true, how: ['consultation', 'criteria'], example: 'Enlaces comunitarios indígenas que traducen los mensajes de riesgo a sus propias lenguas.' },
};

export const CA_SURVEY_RESPONDENTS: DemoRespondent[] = [
  {
    iso2: 'SN',
    audience: 'mine_action_director',
    name: 'Demo director, Senegal',
    email: 'director.sn@demo.example.org',
    locale: 'fr',
    response: {
      status: 'submitted',
      at: '2023-05-24',
      values: {
        support: { received: true, amount: 2_400_000, forms: ['funding', 'training', 'south_south'], duration: 'one_year', plan: true, plan_updated: '2022-11-15' },
        coordination: {
          platform: 'occasional',
          meetings: [row({ topic: 'Réunion annuelle des partenaires de l’action antimines', held_on: '2022-06-14', participants: 42, women: 11 })],
          challenges:
            'Le financement reste annuel et imprévisible, ce qui empêche de planifier le déminage en Casamance au-delà d’une saison. Les équipes manquent aussi de détecteurs adaptés aux sols latéritiques.',
        },
        gender: { integrated: true, how: ['sadd', 'consultation'], example: 'Des agentes de liaison communautaire recrutées dans chaque village enquêté.' },
      },
      tags: [{ path: 'coordination.challenges', tag: 'short-term funding' }],
    },
  },
  {
    iso2: 'IQ',
    audience: 'mine_action_director',
    name: 'Demo director, Iraq',
    email: 'director.iq@demo.example.org',
    locale: 'ar',
    response: {
      status: 'submitted',
      at: '2023-06-02',
      values: {
        support: { received: true, amount: 18_500_000, forms: ['funding', 'equipment', 'expertise'], duration: 'mixed', plan: true, plan_updated: '2021-09-01' },
        coordination: {
          platform: 'regular',
          meetings: [
            row({ topic: 'اجتماع تنسيق الجهات المانحة', held_on: '2022-03-20', participants: 35, women: 6 }),
            row({ topic: 'ورشة عمل حول إدارة المعلومات', held_on: '2022-10-05', participants: 24, women: 9 }),
          ],
          challenges:
            'يشكل انخفاض التمويل الدولي منذ عام 2020 التحدي الأكبر، ولا سيما لإزالة الذخائر المتفجرة في المناطق المحررة. كما أن تجديد تصاريح فرق المنظمات الدولية يستغرق وقتًا طويلًا.',
        },
        gender: { integrated: true, how: ['sadd', 'teams'], example: 'فرق مسح مختلطة تضم نساء للتواصل مع الأسر في القرى.', comments: 'نرغب في عقد اجتماع في إطار النهج الفردي خلال عام 2024.' },
      },
      tags: [{ path: 'coordination.challenges', tag: 'funding gap' }],
    },
  },
  {
    iso2: 'KH',
    audience: 'mine_action_director',
    name: 'Demo director, Cambodia',
    email: 'director.kh@demo.example.org',
    locale: 'en',
    response: {
      status: 'submitted',
      at: '2023-05-15',
      values: {
        support: { received: true, amount: 35_000_000, forms: ['funding', 'equipment', 'training', 'expertise', 'south_south'], duration: 'multi_year', plan: true, plan_updated: '2023-01-20' },
        coordination: {
          platform: 'regular',
          meetings: [
            row({ topic: 'Technical working group on mine action', held_on: '2022-02-17', participants: 60, women: 18 }),
            row({ topic: 'Gender mainstreaming review', held_on: '2022-09-08', participants: 28, women: 15 }),
          ],
          challenges:
            'Residual contamination along the north-western border needs predictable multi-year funding until completion. Sharing our experience with other States through South–South cooperation has been valuable but needs dedicated resources.',
        },
        gender: { integrated: true, how: ['sadd', 'consultation', 'teams', 'criteria'], example: 'All-women demining teams deployed in Battambang province since 2021.' },
      },
      tags: [{ path: 'gender.example', tag: 'good practice' }],
    },
  },
  {
    iso2: 'CO',
    audience: 'mine_action_director',
    name: 'Demo director, Colombia',
    email: 'director.co@demo.example.org',
    locale: 'es',
    response: {
      status: 'submitted',
      at: '2023-05-29',
      values: colombiaFirst,
      // The amount was corrected three weeks later, while the questionnaire was still open.
      change: { at: '2023-06-20', values: { ...colombiaFirst, support: { ...colombiaFirst.support, amount: 12_000_000 } } },
      tags: [
        { path: 'coordination.challenges', tag: 'access' },
        { path: 'gender.example', tag: 'good practice' },
      ],
    },
  },
  {
    iso2: 'TJ',
    audience: 'mine_action_director',
    name: 'Demo director, Tajikistan',
    email: 'director.tj@demo.example.org',
    locale: 'ru',
    response: {
      status: 'submitted',
      at: '2023-06-12',
      values: {
        support: { received: true, amount: 4_800_000, forms: ['funding', 'equipment', 'training'], duration: 'one_year', plan: true, plan_updated: '2022-05-10' },
        coordination: {
          platform: 'occasional',
          meetings: [row({ topic: 'Совещание по координации работ на границе с Афганистаном', held_on: '2022-11-22', participants: 30, women: 4 })],
          challenges:
            'Основная трудность — краткосрочное финансирование: большинство соглашений заключается на один год. Не хватает средств на техническое обследование в горных районах, доступных лишь несколько месяцев в году.',
        },
        gender: { integrated: false, comments: 'Просим поддержать обмен опытом с государствами Центральной Азии.' },
      },
      tags: [{ path: 'coordination.challenges', tag: 'short-term funding' }],
    },
  },
  {
    iso2: 'BA',
    audience: 'mine_action_director',
    name: 'Demo director, Bosnia and Herzegovina',
    email: 'director.ba@demo.example.org',
    locale: 'en',
    response: {
      status: 'submitted',
      at: '2023-06-27',
      values: {
        support: { received: true, amount: 7_200_000, forms: ['funding', 'equipment'], duration: 'one_year', plan: true, plan_updated: '2019-12-01' },
        coordination: {
          platform: 'planned',
          challenges: 'Donor fatigue: contributions fell after 2019 while the remaining suspected areas lie in difficult mountainous terrain. Our land release database also needs an upgrade.',
        },
        gender: { integrated: true, how: ['sadd'] },
      },
    },
  },
  {
    iso2: 'ZW',
    audience: 'mine_action_director',
    name: 'Demo director, Zimbabwe',
    email: 'director.zw@demo.example.org',
    locale: 'en',
    response: {
      status: 'in_progress',
      at: '2023-06-29',
      values: { support: { received: true, amount: 3_100_000, forms: ['funding'] }, coordination: { challenges: 'Clearance of the remaining minefields along the eastern border depends on' } },
    },
  },
  { iso2: 'SO', audience: 'mine_action_director', name: 'Demo director, Somalia', email: 'director.so@demo.example.org', locale: 'en' },
  {
    iso2: 'JP',
    audience: 'donor',
    name: 'Demo focal point, Japan',
    email: 'donor.jp@demo.example.org',
    locale: 'en',
    response: {
      status: 'submitted',
      at: '2023-06-05',
      values: {
        support: { received: true, amount: 42_000_000, forms: ['funding', 'equipment', 'training', 'south_south'], duration: 'mixed', plan: false },
        coordination: {
          challenges:
            'Aligning our support with affected States’ national plans needs up-to-date work plans with costed priorities. We support triangular cooperation, for example Cambodian expertise shared with other affected States.',
        },
        gender: { integrated: true, how: ['criteria', 'sadd'], example: 'A gender analysis is required in every grant proposal since 2021.' },
      },
    },
  },
  {
    iso2: 'NO',
    audience: 'donor',
    name: 'Demo focal point, Norway',
    email: 'donor.no@demo.example.org',
    locale: 'en',
    response: {
      status: 'submitted',
      at: '2023-05-31',
      values: {
        support: { received: true, amount: 55_000_000, forms: ['funding', 'expertise'], duration: 'multi_year', plan: false },
        coordination: { challenges: 'Multi-year agreements help partners plan, but reports from some programmes still lack data broken down by sex and age.' },
        gender: { integrated: true, how: ['criteria', 'sadd', 'teams'], example: 'Multi-year framework agreements with gender and diversity targets.' },
      },
      tags: [{ path: 'coordination.challenges', tag: 'data' }],
    },
  },
  {
    iso2: 'CH',
    audience: 'donor',
    name: 'Demo focal point, Switzerland',
    email: 'donor.ch@demo.example.org',
    locale: 'fr',
    response: {
      status: 'submitted',
      at: '2023-06-16',
      values: {
        support: { received: true, amount: 16_000_000, forms: ['funding', 'expertise', 'training'], duration: 'multi_year', plan: true, plan_updated: '2022-01-01' },
        coordination: {
          challenges:
            'La coordination entre donateurs reste insuffisante dans plusieurs pays : les mêmes besoins sont parfois financés deux fois, tandis que d’autres restent sans soutien.',
        },
        gender: { integrated: true, how: ['consultation', 'criteria'], example: 'Soutien à la participation d’expertes aux réunions de la Convention.' },
      },
      tags: [{ path: 'coordination.challenges', tag: 'donor coordination' }],
    },
  },
  { iso2: 'DE', audience: 'donor', name: 'Demo focal point, Germany', email: 'donor.de@demo.example.org', locale: 'en' },
];

/* ------------------------------------------------------------------ the open follow-up's respondents */

export const PLATFORMS_RESPONDENTS: DemoRespondent[] = [
  { iso2: 'SN', audience: 'mine_action_director', name: 'Aminata Demo (preparer)', email: 'preparer.sn@demo.example.org', userEmail: 'preparer.sn@demo.example.org', locale: 'fr' },
  { iso2: 'IQ', audience: 'mine_action_director', name: 'Layla Demo (preparer)', email: 'preparer.iq@demo.example.org', userEmail: 'preparer.iq@demo.example.org', locale: 'ar' },
  {
    iso2: 'KH',
    audience: 'mine_action_director',
    name: 'Demo director, Cambodia',
    email: 'director.kh@demo.example.org',
    locale: 'en',
    response: { status: 'in_progress', at: '', values: { platform: { exists: true, frequency: 'quarterly' } } },
  },
  { iso2: 'JP', audience: 'donor', name: 'Demo focal point, Japan', email: 'donor.jp@demo.example.org', locale: 'en' },
];

/* ------------------------------------------------------------------ seeding */

interface DemoQuestionnairePlan {
  id: string;
  title: Texts;
  description: Texts;
  content: QuestionnaireContent;
  opensAt: Date;
  closesAt: Date;
  circulatedAt: Date;
  respondents: DemoRespondent[];
  /** Prefix of receipts, e.g. Q23. */
  receiptPrefix: string;
}

async function seedOne(database: Database, plan: DemoQuestionnairePlan): Promise<boolean> {
  if (await repo.questionnaireExists(database.db, plan.id)) return false;
  await withTransaction(database.db, async (tx) => {
    const accounts = await repo.userIdsByEmail(tx, ['isu@demo.example.org', ...plan.respondents.flatMap((r) => (r.userEmail ? [r.userEmail] : []))]);
    const createdBy = accounts.get('isu@demo.example.org') ?? null;
    await repo.insertQuestionnaire(tx, {
      id: plan.id,
      title: plan.title,
      description: plan.description,
      committeeId: 'cooperation-assistance',
      sourceLocale: 'en',
      opensAt: plan.opensAt,
      closesAt: plan.closesAt,
      circulatedAt: plan.circulatedAt,
      reminderEveryDays: 14,
      isDemo: true,
      createdBy,
      createdAt: new Date(plan.circulatedAt.getTime() - 14 * DAY),
    });
    const versionId = randomUUID();
    await repo.insertVersion(tx, { id: versionId, questionnaireId: plan.id, versionNo: 1, content: plan.content, frozenAt: plan.circulatedAt, createdBy });
    for (const r of plan.respondents) {
      const invitationId = randomUUID();
      // Demo links are signed with a throw-away random secret: nobody knows them. To try the
      // demo as this respondent, ISU issues a real link from the circulation page ("new link").
      const link = newInvitationLink(randomToken(), invitationId);
      await repo.insertInvitation(tx, {
        id: invitationId,
        questionnaireId: plan.id,
        audience: r.audience,
        stateIso2: r.iso2,
        userId: r.userEmail ? (accounts.get(r.userEmail) ?? null) : null,
        name: r.name,
        email: r.email,
        organisation: r.audience === 'donor' ? 'Ministry of Foreign Affairs (demo)' : 'National mine action authority (demo)',
        locale: r.locale,
        linkNonce: link.linkNonce,
        tokenHash: link.tokenHash,
        expiresAt: new Date(plan.closesAt.getTime() + 30 * DAY),
        sentAt: plan.circulatedAt,
        createdBy,
      });
      const resp = r.response;
      if (!resp) continue;
      const responseId = randomUUID();
      const at = resp.at ? d(resp.at) : new Date();
      const last = resp.change ? d(resp.change.at) : at;
      const submitted = resp.status === 'submitted';
      await repo.insertResponse(tx, {
        id: responseId,
        questionnaireId: plan.id,
        versionId,
        respondentKey: respondentKeyOf({ id: invitationId, audience: r.audience, stateIso2: r.iso2 }),
        audience: r.audience,
        stateIso2: r.iso2,
        values: resp.change?.values ?? resp.values,
        status: resp.status,
        locale: r.locale,
        firstSubmittedAt: submitted ? at : null,
        submittedAt: submitted ? last : null,
        submittedByName: submitted ? r.name : null,
        receipt: submitted ? `${plan.receiptPrefix}-${r.iso2}-DEMO` : null,
        isDemo: true,
        createdAt: new Date(at.getTime() - 3 * DAY),
        updatedAt: last,
        updatedByName: r.name,
        version: resp.change ? 3 : 2,
      });
      if (submitted) {
        await repo.insertResponseEvent(tx, { responseId, at, kind: 'submitted', actorName: r.name, invitationId, values: resp.values });
        if (resp.change) await repo.insertResponseEvent(tx, { responseId, at: last, kind: 'changed', actorName: r.name, invitationId, values: resp.change.values });
      }
      for (const t of resp.tags ?? []) await repo.insertTag(tx, { responseId, path: t.path, tag: t.tag, createdBy });
    }
    await recordAudit(tx, SEED_ACTOR, {
      action: 'questionnaires.questionnaire.seeded',
      entityType: 'questionnaire',
      entityId: plan.id,
      summary: { demo: true, title: plan.title.en, invitations: plan.respondents.length, responses: plan.respondents.filter((r) => r.response).length },
    });
  });
  return true;
}

/**
 * Seeds the demo questionnaires (idempotent). Runs after the demo users and reports, so the open
 * questionnaire's invitations can name the demo preparers' accounts.
 */
export async function seedDemoQuestionnaires(database: Database, now: Date = new Date()): Promise<{ created: number }> {
  let created = 0;
  if (
    await seedOne(database, {
      id: DEMO_CA_SURVEY_ID,
      title: CA_SURVEY_TITLE,
      description: CA_SURVEY_DESCRIPTION,
      content: CA_SURVEY_CONTENT,
      circulatedAt: new Date('2023-05-01T08:00:00Z'),
      opensAt: new Date('2023-05-01T00:00:00Z'),
      // Answers accepted until the end of 30 June 2023.
      closesAt: new Date('2023-07-01T00:00:00Z'),
      respondents: CA_SURVEY_RESPONDENTS,
      receiptPrefix: 'Q23',
    })
  )
    created++;
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (
    await seedOne(database, {
      id: DEMO_PLATFORMS_ID,
      title: PLATFORMS_TITLE,
      description: PLATFORMS_DESCRIPTION,
      content: PLATFORMS_CONTENT,
      circulatedAt: new Date(day - 7 * DAY),
      opensAt: new Date(day - 7 * DAY),
      closesAt: new Date(day + 45 * DAY),
      respondents: PLATFORMS_RESPONDENTS,
      receiptPrefix: `Q${String(now.getUTCFullYear()).slice(2)}`,
    })
  )
    created++;
  return { created };
}
