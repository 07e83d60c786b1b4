/**
 * Demo meetings of the Committee's 2023 year (facts from the domain notes §10, own wording): its
 * first meeting on 16 January; bilateral meetings from February to May with the fifteen States,
 * held with the President and the other committees; the 9 March reporting workshop; the June
 * intersessional meetings and the panel on cooperation and assistance; Senegal's individualised-
 * approach meeting on 21 June; the Twenty-First Meeting of the States Parties (20–24 November).
 * Exact dates of the bilateral meetings are not in the Committee's paper: theirs are illustrative
 * and their notes say so. Flagged demo; idempotent (stable ids: a second seeding adds nothing).
 */
import { createHash } from 'node:crypto';
import type { Database } from '../../../platform/db/client.ts';
import { withTransaction } from '../../../platform/db/transaction.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../../platform/audit/audit.ts';
import { stateNamesByIso2 } from '../../states/index.ts';
import type { Confidentiality, MeetingKind, Texts } from '../schema.ts';
import { storeFile } from '../../../platform/files/files.ts';
import { zonedToUtc } from './meetings.ts';
import * as repo from './meetings-repository.ts';

const TZ = 'Europe/Zurich';
const ALL_COMMITTEES = ['article5', 'victim-assistance', 'cooperation-assistance', 'cooperative-compliance'];
const OUR_COMMITTEE = 'cooperation-assistance';

/**
 * The stable id of a demo meeting, e.g. `demoMeetingId('individualised_approach', '2023-06-21', 'SN')`
 * for Senegal's individualised-approach meeting (the individualised-approach demo links to it).
 */
export function demoMeetingId(kind: MeetingKind, date: string, stateIso2?: string): string {
  const h = createHash('sha1').update(`apmbc-demo-meeting:${kind}:${date}:${stateIso2 ?? ''}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

type Role = 'chair' | 'presenter' | 'participant' | 'observer';

interface DemoAction {
  kind: 'outcome' | 'follow_up' | 'commitment';
  text: string;
  ownerLabel?: string;
  stateIso2?: string;
  due?: string;
  status?: 'open' | 'in_progress' | 'done' | 'dropped';
  actionIds?: string[];
  /** Reviewed at this later demo meeting (kind, date, State). */
  reviewedAt?: [MeetingKind, string, string?];
  reviewNote?: string;
}

interface DemoMeeting {
  kind: MeetingKind;
  date: string;
  endDate?: string;
  start?: string;
  end?: string;
  stateIso2?: string;
  title: Texts;
  place: string;
  online?: boolean;
  committeeIds: string[];
  withPresidency: boolean;
  confidentiality: Confidentiality;
  agenda?: string;
  notes: string;
  genderQuestions?: string;
  participants: { kind: 'state' | 'organisation'; stateIso2?: string; organisation?: string; role: Role }[];
  actions: DemoAction[];
}

/** The fifteen States met from February to May 2023, with illustrative dates. */
const BILATERALS: { iso2: string; date: string; confidentiality: Confidentiality }[] = [
  { iso2: 'ET', date: '2023-02-07', confidentiality: 'committee' },
  { iso2: 'BA', date: '2023-02-14', confidentiality: 'committee' },
  { iso2: 'TR', date: '2023-02-21', confidentiality: 'committee' },
  { iso2: 'TD', date: '2023-02-28', confidentiality: 'committee' },
  { iso2: 'CD', date: '2023-03-07', confidentiality: 'committee' },
  { iso2: 'ZW', date: '2023-03-14', confidentiality: 'committee' },
  { iso2: 'LK', date: '2023-03-21', confidentiality: 'participants' },
  { iso2: 'SN', date: '2023-03-28', confidentiality: 'committee' },
  { iso2: 'RS', date: '2023-04-04', confidentiality: 'committee' },
  { iso2: 'SO', date: '2023-04-13', confidentiality: 'participants' },
  { iso2: 'TJ', date: '2023-04-20', confidentiality: 'committee' },
  { iso2: 'IQ', date: '2023-04-27', confidentiality: 'participants' },
  { iso2: 'GW', date: '2023-05-04', confidentiality: 'committee' },
  { iso2: 'KH', date: '2023-05-11', confidentiality: 'committee' },
  { iso2: 'MR', date: '2023-05-18', confidentiality: 'committee' },
];

const BILATERAL_TITLE: Record<keyof Texts, (name: string) => string> = {
  en: (n) => `Bilateral meeting: ${n}`,
  fr: (n) => `Réunion bilatérale : ${n}`,
  es: (n) => `Reunión bilateral: ${n}`,
  ru: (n) => `Двусторонняя встреча: ${n}`,
  zh: (n) => `双边会议：${n}`,
  ar: (n) => `اجتماع ثنائي: ${n}`,
};

const PANEL_DATE = '2023-06-20';

function bilateral(iso2: string, date: string, confidentiality: Confidentiality, names: Texts, i: number): DemoMeeting {
  const title = Object.fromEntries((Object.keys(BILATERAL_TITLE) as (keyof Texts)[]).map((l) => [l, BILATERAL_TITLE[l]((names as Record<string, string | undefined>)[l] ?? names.en ?? iso2)])) as Texts;
  const actions: DemoAction[] = [
    { kind: 'outcome', text: 'The State presented its progress and remaining challenges across the Convention’s thematic areas; the committees shared their observations.' },
    {
      kind: 'follow_up',
      text: 'Send the State the committees’ written observations and the Guide to Reporting sections on cooperation and assistance and on gender and diversity.',
      ownerLabel: 'ISU',
      due: date.slice(0, 8) + '28',
      status: 'done',
      actionIds: ['OAP-45'],
      reviewedAt: ['panel', PANEL_DATE],
      reviewNote: 'Sent; the State’s 2023 Article 7 report includes the requested information.',
    },
  ];
  if (i % 3 === 0)
    actions.push({
      kind: 'commitment',
      text: 'Include in the next Article 7 report how gender and diversity are taken into account in mine action and victim assistance.',
      stateIso2: iso2,
      due: '2024-04-30',
      status: 'open',
      actionIds: ['OAP-47'],
    });
  return {
    kind: 'bilateral',
    date,
    start: i % 2 ? '15:00' : '10:00',
    end: i % 2 ? '16:00' : '11:00',
    stateIso2: iso2,
    title,
    place: 'Geneva, Maison de la paix',
    online: i % 4 === 1,
    committeeIds: ALL_COMMITTEES,
    withPresidency: true,
    confidentiality,
    agenda: '1. Progress since the Twentieth Meeting of the States Parties\n2. Challenges in clearance, stockpile destruction and victim assistance\n3. Cooperation and assistance needs\n4. Reporting under Article 7',
    notes: 'Held with the President and the four committees. Illustrative date: the Committee’s paper records the bilateral meetings between February and May 2023 without exact dates.',
    genderQuestions: 'How are women, girls, boys and men of different ages and backgrounds consulted in survey and clearance? Is the mine action data disaggregated by sex, age and disability?',
    participants: [
      { kind: 'state', stateIso2: iso2, role: 'presenter' },
      { kind: 'organisation', organisation: 'President of the Twenty-First Meeting of the States Parties', role: 'chair' },
      { kind: 'organisation', organisation: 'Implementation Support Unit', role: 'observer' },
    ],
    actions,
  };
}

const FIXED: DemoMeeting[] = [
  {
    kind: 'committee',
    date: '2023-01-16',
    start: '14:00',
    end: '16:00',
    title: { en: 'First meeting of the Committee in 2023: the work plan', fr: 'Première réunion du Comité en 2023 : le plan de travail', es: 'Primera reunión del Comité en 2023: el plan de trabajo', ru: 'Первое заседание Комитета в 2023 году: план работы', zh: '委员会2023年第一次会议：工作计划', ar: 'الاجتماع الأول للجنة في عام 2023: خطة العمل' },
    place: 'Geneva',
    online: true,
    committeeIds: [OUR_COMMITTEE],
    withPresidency: false,
    confidentiality: 'committee',
    agenda: '1. The Committee’s mandate and composition in 2023\n2. Draft work plan for 2023\n3. Gender and diversity action plan\n4. Calendar of the year',
    notes: 'Members in 2023: Thailand (Chair), Algeria, the Netherlands and Japan.',
    genderQuestions: 'Who will act as the Committee’s gender focal point, and how will gender and diversity be raised in the bilateral meetings?',
    participants: [
      { kind: 'state', stateIso2: 'TH', role: 'chair' },
      { kind: 'state', stateIso2: 'DZ', role: 'participant' },
      { kind: 'state', stateIso2: 'NL', role: 'participant' },
      { kind: 'state', stateIso2: 'JP', role: 'participant' },
      { kind: 'organisation', organisation: 'Implementation Support Unit', role: 'observer' },
    ],
    actions: [
      { kind: 'outcome', text: 'The 2023 work plan and the gender and diversity action plan were agreed.' },
      { kind: 'follow_up', text: 'Circulate the agreed work plan to the President and the other committees.', ownerLabel: 'Chair (Thailand)', due: '2023-01-31', status: 'done' },
    ],
  },
  {
    kind: 'workshop',
    date: '2023-03-09',
    start: '10:00',
    end: '13:00',
    title: { en: 'Workshop: reporting by 30 April and information on cooperation and assistance', fr: 'Atelier : rapports avant le 30 avril et informations sur la coopération et l’assistance', es: 'Taller: informes antes del 30 de abril e información sobre cooperación y asistencia', ru: 'Семинар: доклады к 30 апреля и информация о сотрудничестве и помощи', zh: '讲习班：4月30日前提交报告及合作与援助信息', ar: 'حلقة عمل: تقديم التقارير قبل 30 نيسان/أبريل والمعلومات المتعلقة بالتعاون والمساعدة' },
    place: 'Geneva',
    online: true,
    committeeIds: ALL_COMMITTEES,
    withPresidency: true,
    confidentiality: 'public',
    agenda: '1. The Article 7 deadline of 30 April\n2. Detailed quantitative and qualitative information on cooperation and assistance\n3. The Guide to Reporting and the Oslo Action Plan\n4. The online reporting tool\n5. Gender and diversity in reports',
    notes: 'Held with the President and the other committees; open to all States Parties.',
    genderQuestions: 'How can States report how gender and diverse needs are integrated in their programmes and in the assistance they give or receive?',
    participants: [
      { kind: 'organisation', organisation: 'Implementation Support Unit', role: 'presenter' },
      { kind: 'organisation', organisation: 'President of the Twenty-First Meeting of the States Parties', role: 'chair' },
    ],
    actions: [
      { kind: 'outcome', text: 'States were reminded of the 30 April deadline and shown the online reporting tool.' },
      { kind: 'follow_up', text: 'Share the workshop’s slides and the reporting tool’s guide with all States Parties.', ownerLabel: 'ISU', due: '2023-03-16', status: 'done', actionIds: ['OAP-45'] },
    ],
  },
  {
    kind: 'intersessional',
    date: '2023-06-19',
    endDate: '2023-06-21',
    title: { en: 'Intersessional Meetings 2023', fr: 'Réunions intersessions 2023', es: 'Reuniones entre períodos de sesiones 2023', ru: 'Межсессионные совещания 2023 года', zh: '2023年闭会期间会议', ar: 'الاجتماعات التي تعقد فيما بين الدورات لعام 2023' },
    place: 'Geneva, Palais des Nations',
    committeeIds: ALL_COMMITTEES,
    withPresidency: true,
    confidentiality: 'public',
    notes: 'The Committee presented its preliminary observations drawn from the States’ Article 7 reports.',
    participants: [{ kind: 'organisation', organisation: 'States Parties, observer States and organisations', role: 'participant' }],
    actions: [{ kind: 'outcome', text: 'Preliminary observations on cooperation and assistance presented.' }],
  },
  {
    kind: 'panel',
    date: PANEL_DATE,
    start: '15:00',
    end: '18:00',
    title: { en: 'Panel: cooperation and assistance and the Oslo Action Plan — towards improved cooperation and assistance', fr: 'Table ronde : la coopération et l’assistance et le Plan d’action d’Oslo — vers une meilleure coopération et assistance', es: 'Panel: la cooperación y asistencia y el Plan de Acción de Oslo — hacia una mejor cooperación y asistencia', ru: 'Дискуссия: сотрудничество и помощь и План действий Осло — к более эффективному сотрудничеству и помощи', zh: '专题小组：合作与援助及《奥斯陆行动计划》——迈向更好的合作与援助', ar: 'حلقة نقاش: التعاون والمساعدة وخطة عمل أوسلو — نحو تعاون ومساعدة أفضل' },
    place: 'Geneva, Palais des Nations',
    committeeIds: ALL_COMMITTEES,
    withPresidency: false,
    confidentiality: 'public',
    agenda: '1. Funding trends since the Fourth Review Conference (2019)\n2. Innovative sources of funding\n3. States close to completion and their funding crisis\n4. Coordination of support among stakeholders',
    notes: 'Held during the intersessional meetings (19–21 June 2023); the exact day is illustrative.',
    genderQuestions: 'How do donors and affected States make sure that funding reaches programmes that meet the needs of women, girls, boys and men of diverse backgrounds?',
    participants: [
      { kind: 'state', stateIso2: 'TH', role: 'chair' },
      { kind: 'organisation', organisation: 'Landmine Monitor', role: 'presenter' },
      { kind: 'organisation', organisation: 'Implementation Support Unit', role: 'observer' },
    ],
    actions: [
      { kind: 'outcome', text: 'Panellists described funding trends and ways to coordinate support so that States meet their Article 5 deadlines.' },
      { kind: 'follow_up', text: 'Reflect the panel’s findings on donor coordination in the Committee’s conclusions for the 21MSP.', ownerLabel: 'Chair (Thailand)', due: '2023-10-31', status: 'done', actionIds: ['OAP-42', 'OAP-43'] },
    ],
  },
  {
    kind: 'individualised_approach',
    date: '2023-06-21',
    start: '13:15',
    end: '14:45',
    stateIso2: 'SN',
    title: { en: 'Individualised approach: Senegal', fr: 'Approche individualisée : Sénégal', es: 'Enfoque individualizado: Senegal', ru: 'Индивидуальный подход: Сенегал', zh: '个性化办法：塞内加尔', ar: 'النهج الفردي: السنغال' },
    place: 'Geneva, Palais des Nations (on the margins of the intersessional meetings)',
    committeeIds: ALL_COMMITTEES,
    withPresidency: false,
    confidentiality: 'committee',
    agenda: '1. Senegal’s mine action programme: status and remaining challenges\n2. Plans, costs and needs\n3. Questions from partners\n4. Next steps',
    notes: 'Senegal presented its programme to donors, operators and other stakeholders, supported by the Committee; a final report is to be published on Senegal’s page.',
    genderQuestions: 'Questions prepared with the other committees: how do survey and clearance teams include women; how are the needs of survivors of different genders and ages met in Casamance?',
    participants: [
      { kind: 'state', stateIso2: 'SN', role: 'presenter' },
      { kind: 'state', stateIso2: 'TH', role: 'chair' },
      { kind: 'organisation', organisation: 'Implementation Support Unit', role: 'participant' },
    ],
    actions: [
      { kind: 'outcome', text: 'Partners heard Senegal’s remaining challenges and support needs.' },
      { kind: 'commitment', text: 'Update the resource mobilisation plan and share it with partners.', stateIso2: 'SN', due: '2023-11-20', status: 'in_progress', actionIds: ['OAP-42'] },
      { kind: 'follow_up', text: 'Prepare the final report of the meeting for publication on Senegal’s page.', ownerLabel: 'ISU', due: '2023-09-30', status: 'done' },
    ],
  },
  {
    kind: 'msp',
    date: '2023-11-20',
    endDate: '2023-11-24',
    title: { en: 'Twenty-First Meeting of the States Parties (21MSP)', fr: 'Vingt et unième Assemblée des États parties', es: 'Vigésima Primera Reunión de los Estados Partes', ru: 'Двадцать первое Совещание государств-участников', zh: '第二十一届缔约国会议', ar: 'الاجتماع الحادي والعشرون للدول الأطراف' },
    place: 'Geneva',
    committeeIds: ALL_COMMITTEES,
    withPresidency: true,
    confidentiality: 'public',
    notes: 'The Committee presented its conclusions and recommendations and its activities and priorities for 2023–2024.',
    participants: [{ kind: 'organisation', organisation: 'States Parties, observer States and organisations', role: 'participant' }],
    actions: [{ kind: 'outcome', text: 'The Committee’s conclusions on cooperation and assistance, including gender and diversity, were presented.' }],
  },
];

/** A one-page PDF of plain lines (Helvetica, ASCII), enough for a demo agenda to download and open. */
export function simplePdf(lines: string[]): Buffer {
  const esc = (x: string) => x.replace(/[^\x20-\x7e]/g, '-').replace(/([\\()])/g, '\\$1');
  const content = ['BT', '/F1 12 Tf', '72 760 Td', '16 TL', ...lines.map((l) => `(${esc(l)}) '`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Seeds the demo meetings (flagged demo). Returns how many meetings were added. */
export async function seedDemoMeetings(database: Pick<Database, 'db'>): Promise<number> {
  const names = await stateNamesByIso2(database.db);
  const all = [...FIXED, ...BILATERALS.map((b, i) => bilateral(b.iso2, b.date, b.confidentiality, (names.get(b.iso2) ?? { en: b.iso2 }) as Texts, i))];
  const known = (iso2: string | undefined) => !iso2 || names.has(iso2);
  return withTransaction(database.db, async (tx) => {
    let added = 0;
    const inserted: { m: DemoMeeting; id: string }[] = [];
    for (const m of all) {
      const id = demoMeetingId(m.kind, m.date, m.stateIso2);
      const allDay = !m.start;
      const row = await repo.insertMeetingIfAbsent(tx, {
        id,
        kind: m.kind,
        title: m.title,
        startsAt: zonedToUtc(m.date, m.start ?? '00:00', TZ),
        endsAt: zonedToUtc(m.endDate ?? m.date, m.end ?? '00:00', TZ),
        allDay,
        timeZone: TZ,
        place: m.place,
        online: m.online ?? false,
        committeeIds: m.committeeIds,
        withPresidency: m.withPresidency,
        confidentiality: m.confidentiality,
        status: 'held',
        agenda: m.agenda ?? null,
        notes: m.notes,
        genderQuestions: m.genderQuestions ?? null,
        isDemo: true,
      });
      if (!row) continue;
      added++;
      inserted.push({ m, id });
      for (const p of m.participants) {
        if (p.kind === 'state' && !known(p.stateIso2)) continue;
        await repo.insertParticipant(tx, { meetingId: id, kind: p.kind, stateIso2: p.stateIso2 ?? null, organisation: p.organisation ?? null, role: p.role });
      }
      if (m.agenda && (m.kind === 'workshop' || m.kind === 'individualised_approach')) {
        const file = await storeFile(tx, { filename: `agenda-${m.date}.pdf`, data: simplePdf([m.title.en ?? '', m.date, '', ...m.agenda.split('\n')]), createdBy: null, accept: ['pdf'], maxBytes: 1024 * 1024 });
        await repo.insertDocument(tx, { meetingId: id, fileId: file.id, title: `Agenda (${m.date})`, kind: 'agenda' });
      }
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'engagement.meeting.recorded', entityType: 'meeting', entityId: id, summary: { kind: m.kind, demo: true } });
    }
    // Actions after all meetings, so that reviews can point at later ones.
    for (const { m, id } of inserted) {
      for (const a of m.actions) {
        await repo.insertAction(tx, {
          meetingId: id,
          kind: a.kind,
          text: a.text,
          ownerLabel: a.ownerLabel ?? null,
          stateIso2: a.stateIso2 && known(a.stateIso2) ? a.stateIso2 : null,
          dueDate: a.due ?? null,
          status: a.status ?? 'open',
          actionIds: a.actionIds ?? [],
          reviewedAtMeetingId: a.reviewedAt ? demoMeetingId(a.reviewedAt[0], a.reviewedAt[1], a.reviewedAt[2]) : null,
          reviewNote: a.reviewNote ?? null,
          doneAt: a.status === 'done' && a.due ? new Date(`${a.due}T12:00:00Z`) : null,
        });
      }
    }
    return added;
  });
}
