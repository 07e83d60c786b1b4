/**
 * Reference data: States Parties, committees, committee memberships, Article 5 deadlines. Rows are
 * inserted when missing and never overwritten (ON CONFLICT DO NOTHING), so edits made by the ISU in
 * the platform survive restarts. One multi-row insert per table keeps start-up fast.
 */
import { createHash } from 'node:crypto';
import type { DbOrTx } from '../../platform/db/client.ts';
import { eifFromDeposit } from './membership.ts';
import { REFERENCE_ARTICLE5_DEADLINES, REFERENCE_COMMITTEE_MEMBERSHIPS, REFERENCE_STATES } from './reference-data.ts';
import { article5Deadlines, committeeMemberships, committees, states } from './schema.ts';

export const COMMITTEES = [
  { id: 'article5', names: { ar: 'لجنة تنفيذ المادة 5', zh: '第5条执行委员会', en: 'Committee on Article 5 Implementation', fr: "Comité sur l'application de l'article 5", ru: 'Комитет по осуществлению статьи 5', es: 'Comité sobre la Aplicación del Artículo 5' }, sortOrder: 1 },
  { id: 'victim-assistance', names: { ar: 'لجنة مساعدة الضحايا', zh: '受害者援助委员会', en: 'Committee on Victim Assistance', fr: "Comité sur l'assistance aux victimes", ru: 'Комитет по помощи жертвам', es: 'Comité sobre Asistencia a las Víctimas' }, sortOrder: 2 },
  { id: 'cooperation-assistance', names: { ar: 'اللجنة المعنية بتعزيز التعاون والمساعدة', zh: '加强合作与援助委员会', en: 'Committee on the Enhancement of Cooperation and Assistance', fr: "Comité sur le renforcement de la coopération et de l'assistance", ru: 'Комитет по укреплению сотрудничества и содействия', es: 'Comité sobre el Fortalecimiento de la Cooperación y la Asistencia' }, sortOrder: 3 },
  { id: 'cooperative-compliance', names: { ar: 'لجنة الامتثال التعاوني', zh: '合作遵约委员会', en: 'Committee on Cooperative Compliance', fr: 'Comité sur le respect coopératif des obligations', ru: 'Комитет по совместному соблюдению', es: 'Comité sobre el Cumplimiento Cooperativo' }, sortOrder: 4 },
];

/**
 * A stable id for a reference row, so that a second seeding finds it (article5_deadlines has no
 * natural key). Shaped as a version-5-style UUID from a SHA-1 of the row's key.
 */
export function referenceUuid(key: string): string {
  const h = createHash('sha1').update(`apmbc-reference:${key}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export async function seedStates(db: DbOrTx): Promise<void> {
  await db.insert(committees).values(COMMITTEES).onConflictDoNothing();
  await db
    .insert(states)
    .values(
      REFERENCE_STATES.map((s) => ({
        iso2: s.iso2,
        iso3: s.iso3,
        names: s.names,
        region: s.region,
        signatureDate: s.signatureDate,
        consentType: s.consentType,
        consentDate: s.consentDate,
        eifDate: eifFromDeposit(s.consentDate),
        withdrawalNotifiedDate: s.withdrawalNotifiedDate ?? null,
        withdrawalEffectiveDate: s.withdrawalEffectiveDate ?? null,
        suspensionNotifiedDate: s.suspensionNotifiedDate ?? null,
        reportingLanguage: s.reportingLanguage,
        note: s.note ?? null,
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(article5Deadlines)
    .values(
      REFERENCE_ARTICLE5_DEADLINES.map((a) => ({
        id: referenceUuid(`article5:${a.iso2}:${a.deadline}:${a.status}`),
        stateIso2: a.iso2,
        deadline: a.deadline,
        status: a.status,
        note: a.note,
        toVerify: a.toVerify,
        createdAt: new Date(`${a.recordedOn}T00:00:00Z`),
        createdBy: null,
      })),
    )
    .onConflictDoNothing();
  await db
    .insert(committeeMemberships)
    .values(
      REFERENCE_COMMITTEE_MEMBERSHIPS.map((m) => ({
        id: referenceUuid(`committee:${m.committeeId}:${m.iso2}:${m.year}`),
        committeeId: m.committeeId,
        stateIso2: m.iso2,
        year: m.year,
        role: m.role,
      })),
    )
    .onConflictDoNothing();
}
