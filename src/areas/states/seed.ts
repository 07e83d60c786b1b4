/**
 * Reference data: States Parties, committees, Article 5 deadlines. Inserted when missing and never
 * overwritten, so edits made by ISU in the platform survive restarts.
 * (Placeholder: the full list is written in reference-data.ts.)
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client.ts';
import { committees, states } from './schema.ts';

export async function seedStates(db: DbOrTx): Promise<void> {
  await db
    .insert(committees)
    .values([
      { id: 'article5', names: { ar: 'لجنة تنفيذ المادة 5', zh: '第5条执行委员会', en: 'Committee on Article 5 Implementation', fr: "Comité sur l'application de l'article 5", ru: 'Комитет по осуществлению статьи 5', es: 'Comité sobre la Aplicación del Artículo 5' }, sortOrder: 1 },
      { id: 'victim-assistance', names: { ar: 'لجنة مساعدة الضحايا', zh: '受害者援助委员会', en: 'Committee on Victim Assistance', fr: "Comité sur l'assistance aux victimes", ru: 'Комитет по помощи жертвам', es: 'Comité sobre Asistencia a las Víctimas' }, sortOrder: 2 },
      { id: 'cooperation-assistance', names: { ar: 'اللجنة المعنية بتعزيز التعاون والمساعدة', zh: '加强合作与援助委员会', en: 'Committee on the Enhancement of Cooperation and Assistance', fr: "Comité sur le renforcement de la coopération et de l'assistance", ru: 'Комитет по укреплению сотрудничества и содействия', es: 'Comité sobre el Fortalecimiento de la Cooperación y la Asistencia' }, sortOrder: 3 },
      { id: 'cooperative-compliance', names: { ar: 'لجنة الامتثال التعاوني', zh: '合作遵约委员会', en: 'Committee on Cooperative Compliance', fr: 'Comité sur le respect coopératif des obligations', ru: 'Комитет по совместному соблюдению', es: 'Comité sobre el Cumplimiento Cooperativo' }, sortOrder: 4 },
    ])
    .onConflictDoNothing();
  await db
    .insert(states)
    .values([
      { iso2: 'SN', iso3: 'SEN', names: { ar: 'السنغال', zh: '塞内加尔', en: 'Senegal', fr: 'Sénégal', ru: 'Сенегал', es: 'Senegal' }, region: 'africa', consentType: 'ratification', signatureDate: '1997-12-03', consentDate: '1998-09-24', eifDate: '1999-03-01', reportingLanguage: 'fr' },
      { iso2: 'IQ', iso3: 'IRQ', names: { ar: 'العراق', zh: '伊拉克', en: 'Iraq', fr: 'Iraq', ru: 'Ирак', es: 'Iraq' }, region: 'middle_east', consentType: 'accession', consentDate: '2007-08-15', eifDate: '2008-02-01', reportingLanguage: 'ar' },
    ])
    .onConflictDoNothing();
  void sql;
}
