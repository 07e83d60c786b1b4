/**
 * Demo individualised approach (domain §10, rows 7 and 8; own wording, invented details): Senegal's
 * record from its interest in early 2023 to the meeting of 21 June 2023 and its final report,
 * published in English, French and Spanish; Somalia's and Tajikistan's interest in meetings on the
 * margins of the 21MSP. Senegal's profile is prefilled from its demo Article 7 report as it stood
 * before the meeting; its record is linked to the meetings part's demo meeting of that day when
 * there is one (else left unlinked, without commitments). Flagged demo; idempotent per State.
 */
import { and, eq } from 'drizzle-orm';
import type { Database, Tx } from '../../../platform/db/client.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../../../platform/audit/audit.ts';
import { currentArticle5Deadline } from '../../states/index.ts';
import { individualisedApproaches, type IaProfile, type IndividualisedApproachStatus, type Texts } from '../schema.ts';
import { profileFromReport, refilledProfile } from './individualised.ts';
import * as repo from './individualised-repository.ts';

const ACTOR: Actor = { ...SYSTEM_ACTOR, label: 'seed' };

const SN_SUMMARY: Texts = {
  en: 'Senegal presented the state of its mine action programme in Casamance: the areas still suspected or confirmed in the regions of Ziguinchor, Sédhiou and Kolda, the survey and clearance planned before its Article 5 deadline, the national contribution, and the gap still to be funded. Partners asked about access to villages where people are returning, the capacity of national teams, and how women and girls are consulted when priorities are set. Senegal committed to setting up a national mine action platform that meets regularly, to updating its resource mobilisation plan, and to reporting on both in its next Article 7 report. (Demo text.)',
  fr: 'Le Sénégal a présenté l’état de son programme d’action antimines en Casamance : les zones encore suspectées ou confirmées dans les régions de Ziguinchor, de Sédhiou et de Kolda, l’enquête et la dépollution prévues avant son échéance au titre de l’article 5, la contribution nationale et le déficit restant à financer. Les partenaires ont posé des questions sur l’accès aux villages où les habitants reviennent, sur les capacités des équipes nationales et sur la consultation des femmes et des filles dans le choix des priorités. Le Sénégal s’est engagé à créer une plateforme nationale d’action antimines se réunissant régulièrement, à mettre à jour son plan de mobilisation des ressources et à rendre compte de l’un et de l’autre dans son prochain rapport au titre de l’article 7. (Texte de démonstration.)',
};

const SN_FINAL: Texts = {
  en: `On 21 June 2023, on the margins of the intersessional meetings in Geneva, Senegal held an individualised-approach meeting with the support of the Committee on the Enhancement of Cooperation and Assistance, to present the status of its mine action programme and its remaining challenges to States, international organisations, operators and civil society.

Senegal described the contamination that remains in Casamance, mainly in the regions of Ziguinchor and Sédhiou, the land released in recent years, and its plan to complete survey and clearance before its Article 5 deadline, provided that safe access to the remaining areas continues. It set out the national resources it devotes to mine action and the funding it still needs.

Participants welcomed the transparency of the presentation and the quality of the data. They discussed how to coordinate support among partners, how to keep national capacities for residual contamination after completion, and how to integrate gender and diversity in survey, clearance, risk education and victim assistance.

Senegal committed to establish a national mine action platform bringing together the authorities and its partners, to update its resource mobilisation plan, and to report on progress at later meetings of the Convention and in its Article 7 reports. The Committee will follow these commitments with Senegal.

This report is demonstration content of the platform.`,
  fr: `Le 21 juin 2023, en marge des réunions intersessions à Genève, le Sénégal a tenu une réunion d’approche individualisée avec l’appui du Comité sur le renforcement de la coopération et de l’assistance, afin de présenter l’état de son programme d’action antimines et les défis qui demeurent aux États, aux organisations internationales, aux opérateurs et à la société civile.

Le Sénégal a décrit la contamination qui subsiste en Casamance, principalement dans les régions de Ziguinchor et de Sédhiou, les terres remises à disposition ces dernières années et son plan pour achever l’enquête et la dépollution avant son échéance au titre de l’article 5, sous réserve que l’accès aux zones restantes demeure sûr. Il a présenté les ressources nationales consacrées à l’action antimines et les financements encore nécessaires.

Les participants ont salué la transparence de la présentation et la qualité des données. Ils ont examiné la coordination de l’appui entre partenaires, le maintien de capacités nationales pour la contamination résiduelle après l’achèvement, et l’intégration du genre et de la diversité dans l’enquête, la dépollution, l’éducation aux risques et l’assistance aux victimes.

Le Sénégal s’est engagé à créer une plateforme nationale d’action antimines réunissant les autorités et leurs partenaires, à mettre à jour son plan de mobilisation des ressources et à rendre compte des progrès lors des prochaines réunions de la Convention et dans ses rapports au titre de l’article 7. Le Comité suivra ces engagements avec le Sénégal.

Ce rapport est un contenu de démonstration de la plateforme.`,
  es: `El 21 de junio de 2023, al margen de las reuniones entre períodos de sesiones en Ginebra, el Senegal celebró una reunión del enfoque individualizado con el apoyo del Comité sobre la Mejora de la Cooperación y la Asistencia, para presentar la situación de su programa de acción contra las minas y los desafíos pendientes a Estados, organizaciones internacionales, operadores y sociedad civil.

El Senegal describió la contaminación que persiste en Casamance, sobre todo en las regiones de Ziguinchor y Sédhiou, las tierras liberadas en los últimos años y su plan para concluir el reconocimiento y el desminado antes de su plazo del artículo 5, siempre que se mantenga el acceso seguro a las zonas restantes. Expuso los recursos nacionales que dedica a la acción contra las minas y la financiación que aún necesita.

Los participantes acogieron con satisfacción la transparencia de la presentación y la calidad de los datos. Debatieron cómo coordinar el apoyo entre los asociados, cómo mantener capacidades nacionales para la contaminación residual después de la conclusión y cómo integrar el género y la diversidad en el reconocimiento, el desminado, la educación sobre el riesgo y la asistencia a las víctimas.

El Senegal se comprometió a establecer una plataforma nacional de acción contra las minas que reúna a las autoridades y a sus asociados, a actualizar su plan de movilización de recursos y a informar de los progresos en reuniones posteriores de la Convención y en sus informes del artículo 7. El Comité hará el seguimiento de estos compromisos con el Senegal.

Este informe es contenido de demostración de la plataforma.`,
};

const SN_COMMITMENTS: { text: string; owner: string; due: string; status: 'open' | 'in_progress' | 'done'; actions: string[] }[] = [
  { text: 'Set up a national mine action platform with the authorities, operators, donors and survivors’ associations, meeting at least once a year. (Demo.)', owner: 'Senegal — national mine action centre', due: '2023-12-31', status: 'done', actions: ['OAP-45'] },
  { text: 'Update the resource mobilisation plan with the costed completion plan. (Demo.)', owner: 'Senegal — national mine action centre', due: '2024-04-30', status: 'in_progress', actions: ['OAP-42'] },
  { text: 'Report on the platform and the updated plan in the Article 7 report due 30 April 2024. (Demo.)', owner: 'Senegal', due: '2024-04-30', status: 'open', actions: ['OAP-42', 'OAP-45'] },
];

interface DemoRecord {
  state: string;
  interestOn: string;
  intendedEvent: string;
  status: IndividualisedApproachStatus;
  /** Prefill the profile from the report submitted before this day. */
  profileAsOf?: string;
}

async function seedOne(database: Pick<Database, 'db'>, d: DemoRecord, extra: (tx: Tx) => Promise<Partial<typeof individualisedApproaches.$inferInsert>> = async () => ({})): Promise<void> {
  await withTransaction(database.db, async (tx) => {
    const [existing] = await tx
      .select({ id: individualisedApproaches.id })
      .from(individualisedApproaches)
      .where(and(eq(individualisedApproaches.stateIso2, d.state), eq(individualisedApproaches.isDemo, true)))
      .limit(1);
    if (existing) return;
    let profile: IaProfile = { sections: {} };
    if (d.profileAsOf) {
      const report = await repo.latestSubmittedVersion(tx, d.state, { submittedBefore: new Date(`${d.profileAsOf}T00:00:00Z`) });
      if (report) {
        const deadline = await currentArticle5Deadline(tx, d.state);
        profile = refilledProfile(profile, { reportId: report.reportId, year: report.year, versionNo: report.versionNo }, profileFromReport(report.snapshot as Parameters<typeof profileFromReport>[0], deadline?.deadline ?? null), true);
      }
    }
    const row = await repo.insertRecord(tx, { stateIso2: d.state, interestOn: d.interestOn, intendedEvent: d.intendedEvent, status: d.status, profile, isDemo: true, createdBy: null });
    const patch = await extra(tx);
    if (Object.keys(patch).length) await repo.updateIfVersion(tx, row.id, row.version, patch);
    await recordAudit(tx, ACTOR, { action: 'engagement.individualised_approach.created', entityType: 'individualised_approach', entityId: row.id, summary: { stateIso2: d.state, demo: true } });
  });
}

/** Seeds the demo records (demo mode only). Run after the demo reports and, if any, the demo meetings. */
export async function seedDemoIndividualisedApproach(database: Pick<Database, 'db'>): Promise<void> {
  await seedOne(database, { state: 'SN', interestOn: '2023-02-15', intendedEvent: 'Intersessional meetings, Geneva, June 2023', status: 'published', profileAsOf: '2023-06-01' }, async (tx) => {
    const meetingId = (await repo.findIaMeetingOn(tx, 'SN', '2023-06-21')) ?? null;
    if (meetingId && (await repo.listCommitments(tx, meetingId)).length === 0) {
      let position = 0;
      for (const c of SN_COMMITMENTS)
        await repo.insertCommitment(tx, {
          meetingId,
          kind: 'commitment',
          text: c.text,
          ownerLabel: c.owner,
          stateIso2: 'SN',
          dueDate: c.due,
          status: c.status,
          actionIds: c.actions,
          doneAt: c.status === 'done' ? new Date('2023-12-15T00:00:00Z') : null,
          position: position++,
        });
    }
    return { meetingId, summary: SN_SUMMARY, finalReport: SN_FINAL, publishedAt: new Date('2023-09-15T09:00:00Z') };
  });
  await seedOne(database, { state: 'SO', interestOn: '2023-07-10', intendedEvent: 'Margins of the Twenty-First Meeting of the States Parties (21MSP), November 2023', status: 'interest' });
  await seedOne(database, { state: 'TJ', interestOn: '2023-06-28', intendedEvent: 'Margins of the Twenty-First Meeting of the States Parties (21MSP), November 2023', status: 'preparation', profileAsOf: '2023-11-01' });
}
