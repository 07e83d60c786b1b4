/**
 * Demo data of the Committee's 2023 year (facts from the domain notes, own wording): its work plan
 * and its gender & diversity action plan with ten workstreams; the other parts' demo records are
 * seeded from here in order. Flagged demo; idempotent.
 */
import type { Database } from '../../platform/db/client.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { recordAudit, SYSTEM_ACTOR } from '../../platform/audit/audit.ts';
import type { ItemStatus, Texts, WorkPlanKind } from './schema.ts';
import * as repo from './work-plans-repository.ts';
import { seedDemoMeetings } from './meetings/index.ts';
import { seedDemoIndividualisedApproach } from './individualised/index.ts';
import { seedDemoNationalPlatforms } from './platforms/index.ts';

interface DemoItem {
  title: Texts;
  due: string;
  status?: ItemStatus;
  owner: string;
  actions?: string[];
  progress?: string;
}

const COMMITTEE = 'cooperation-assistance';

const WORK_PLAN_2023: DemoItem[] = [
  {
    title: { en: 'Agree the 2023 work plan at the first committee meeting', fr: 'Adopter le plan de travail 2023 lors de la première réunion du Comité', es: 'Acordar el plan de trabajo de 2023 en la primera reunión del Comité', ru: 'Согласовать план работы на 2023 год на первом заседании Комитета', zh: '在委员会第一次会议上商定2023年工作计划', ar: 'الاتفاق على خطة عمل عام 2023 في الاجتماع الأول للجنة' },
    due: '2023-01-16',
    owner: 'Chair (Thailand)',
    progress: 'Met on 16 January 2023.',
  },
  {
    title: { en: 'Bilateral meetings with fifteen States Parties, with the President and the other committees', fr: 'Réunions bilatérales avec quinze États parties, avec la Présidence et les autres comités', es: 'Reuniones bilaterales con quince Estados partes, junto con la Presidencia y los demás comités', ru: 'Двусторонние встречи с пятнадцатью государствами-участниками совместно с Председателем и другими комитетами', zh: '与主席及其他委员会一道同十五个缔约国举行双边会议', ar: 'اجتماعات ثنائية مع خمس عشرة دولة طرفًا، بالاشتراك مع الرئاسة واللجان الأخرى' },
    due: '2023-05-31',
    owner: 'Chair (Thailand)',
    progress: 'Held February to May 2023.',
  },
  {
    title: { en: 'Workshop on the 30 April Article 7 deadline and reporting on cooperation and assistance', fr: 'Atelier sur l’échéance du 30 avril (article 7) et la communication d’informations sur la coopération et l’assistance', es: 'Taller sobre el plazo del 30 de abril (artículo 7) y la información sobre cooperación y asistencia', ru: 'Семинар о сроке 30 апреля (статья 7) и об отчётности о сотрудничестве и помощи', zh: '关于4月30日第7条报告截止日期及合作与援助信息报告的讲习班', ar: 'حلقة عمل بشأن موعد 30 نيسان/أبريل لتقارير المادة 7 والإبلاغ عن التعاون والمساعدة' },
    due: '2023-03-09',
    owner: 'ISU',
  },
  {
    title: { en: 'Promote the online reporting tool before the 30 April deadline', fr: 'Promouvoir l’outil de communication en ligne avant l’échéance du 30 avril', es: 'Promover la herramienta de presentación de informes en línea antes del 30 de abril', ru: 'Продвигать онлайн-инструмент отчётности до срока 30 апреля', zh: '在4月30日截止日期前推广在线报告工具', ar: 'الترويج لأداة الإبلاغ الإلكترونية قبل موعد 30 نيسان/أبريل' },
    due: '2023-04-30',
    owner: 'ISU',
  },
  {
    title: { en: 'Circulate a questionnaire on cooperation and assistance to mine action directors and donor States', fr: 'Diffuser un questionnaire sur la coopération et l’assistance aux directeurs de l’action antimines et aux États donateurs', es: 'Distribuir un cuestionario sobre cooperación y asistencia a los directores de acción contra las minas y a los Estados donantes', ru: 'Разослать вопросник о сотрудничестве и помощи руководителям противоминной деятельности и государствам-донорам', zh: '向排雷行动主管和捐助国分发关于合作与援助的问卷', ar: 'تعميم استبيان بشأن التعاون والمساعدة على مديري الأعمال المتعلقة بالألغام والدول المانحة' },
    due: '2023-05-01',
    owner: 'Chair (Thailand)',
    actions: ['OAP-42', 'OAP-43', 'OAP-44', 'OAP-45', 'OAP-46', 'OAP-47'],
  },
  {
    title: { en: 'Prepare preliminary observations from the Article 7 reports for the intersessional meetings', fr: 'Préparer des observations préliminaires tirées des rapports au titre de l’article 7 pour les réunions intersessions', es: 'Preparar observaciones preliminares a partir de los informes del artículo 7 para las reuniones entre períodos de sesiones', ru: 'Подготовить предварительные замечания по докладам по статье 7 к межсессионным совещаниям', zh: '根据第7条报告为闭会期间会议编写初步意见', ar: 'إعداد ملاحظات أولية من تقارير المادة 7 للاجتماعات التي تعقد فيما بين الدورات' },
    due: '2023-06-19',
    owner: 'ISU',
  },
  {
    title: { en: 'Panel on cooperation and assistance and the Oslo Action Plan at the intersessional meetings', fr: 'Table ronde sur la coopération et l’assistance et le Plan d’action d’Oslo lors des réunions intersessions', es: 'Panel sobre cooperación y asistencia y el Plan de Acción de Oslo en las reuniones entre períodos de sesiones', ru: 'Дискуссия о сотрудничестве и помощи и Плане действий Осло на межсессионных совещаниях', zh: '闭会期间会议上关于合作与援助及《奥斯陆行动计划》的专题小组讨论', ar: 'حلقة نقاش بشأن التعاون والمساعدة وخطة عمل أوسلو خلال الاجتماعات التي تعقد فيما بين الدورات' },
    due: '2023-06-21',
    owner: 'Chair (Thailand)',
  },
  {
    title: { en: 'Support Senegal’s individualised-approach meeting and the publication of its final report', fr: 'Appuyer la réunion du Sénégal au titre de l’approche individualisée et la publication de son rapport final', es: 'Apoyar la reunión del Senegal en el marco del enfoque individualizado y la publicación de su informe final', ru: 'Поддержать встречу Сенегала в рамках индивидуального подхода и публикацию итогового доклада', zh: '支持塞内加尔的个性化办法会议及其最终报告的发布', ar: 'دعم اجتماع السنغال في إطار النهج الفردي ونشر تقريره النهائي' },
    due: '2023-06-21',
    owner: 'ISU',
    actions: ['OAP-42'],
  },
  {
    title: { en: 'Prepare individualised-approach meetings with Somalia and Tajikistan on the margins of the 21MSP', fr: 'Préparer des réunions au titre de l’approche individualisée avec la Somalie et le Tadjikistan en marge de la 21e Assemblée', es: 'Preparar reuniones del enfoque individualizado con Somalia y Tayikistán al margen de la 21ª Reunión', ru: 'Подготовить встречи в рамках индивидуального подхода с Сомали и Таджикистаном в кулуарах 21-го совещания', zh: '筹备在第二十一届缔约国会议期间与索马里和塔吉克斯坦举行的个性化办法会议', ar: 'التحضير لاجتماعات في إطار النهج الفردي مع الصومال وطاجيكستان على هامش الاجتماع الحادي والعشرين' },
    due: '2023-11-20',
    owner: 'ISU',
    actions: ['OAP-42'],
  },
  {
    title: { en: 'Update the terms of reference of the Cooperation and Assistance Fund; work with Nigeria towards support', fr: 'Mettre à jour le mandat du Fonds pour la coopération et l’assistance ; travailler avec le Nigéria en vue d’un appui', es: 'Actualizar el mandato del Fondo de Cooperación y Asistencia; trabajar con Nigeria para que reciba apoyo', ru: 'Обновить круг ведения Фонда сотрудничества и помощи; работать с Нигерией над получением поддержки', zh: '更新合作与援助基金的职权范围；与尼日利亚合作争取支持', ar: 'تحديث اختصاصات صندوق التعاون والمساعدة؛ والعمل مع نيجيريا للاستفادة منه' },
    due: '2023-11-20',
    owner: 'Chair (Thailand)',
  },
  {
    title: { en: 'Conclusions and recommendations paper for the Twenty-First Meeting of the States Parties', fr: 'Document de conclusions et recommandations pour la vingt et unième Assemblée des États parties', es: 'Documento de conclusiones y recomendaciones para la 21ª Reunión de los Estados Partes', ru: 'Документ с выводами и рекомендациями для двадцать первого Совещания государств-участников', zh: '为第二十一届缔约国会议编写结论和建议文件', ar: 'ورقة الاستنتاجات والتوصيات للاجتماع الحادي والعشرين للدول الأطراف' },
    due: '2023-11-20',
    owner: 'Chair (Thailand)',
  },
];

const GENDER_PLAN_2023: DemoItem[] = [
  {
    title: { en: 'Review how much of the C&A information in the 2023 Article 7 reports covers gender and diversity', fr: 'Examiner dans quelle mesure les informations sur la coopération et l’assistance des rapports 2023 traitent du genre et de la diversité', es: 'Examinar en qué medida la información sobre cooperación y asistencia de los informes de 2023 aborda el género y la diversidad', ru: 'Оценить, в какой мере сведения о сотрудничестве и помощи в докладах 2023 года касаются гендера и разнообразия', zh: '审查2023年第7条报告中的合作与援助信息在多大程度上涉及性别与多样性', ar: 'استعراض مدى تناول معلومات التعاون والمساعدة في تقارير المادة 7 لعام 2023 للنوع الاجتماعي والتنوع' },
    due: '2023-06-19',
    owner: 'Gender focal point',
    actions: ['OAP-45', 'OAP-47'],
  },
  {
    title: { en: 'Follow up with States that report on C&A without saying how gender and diversity are integrated', fr: 'Assurer un suivi auprès des États qui rendent compte de la coopération et de l’assistance sans préciser la prise en compte du genre et de la diversité', es: 'Dar seguimiento a los Estados que informan sobre cooperación y asistencia sin indicar cómo integran el género y la diversidad', ru: 'Связаться с государствами, которые сообщают о сотрудничестве и помощи, не указывая, как учитываются гендер и разнообразие', zh: '跟进那些报告了合作与援助但未说明如何纳入性别与多样性的国家', ar: 'متابعة الدول التي تقدم معلومات عن التعاون والمساعدة دون بيان كيفية إدماج النوع الاجتماعي والتنوع' },
    due: '2023-11-20',
    owner: 'Gender focal point',
  },
  {
    title: { en: 'Include gender aspects in the questionnaire to mine action directors and donor States', fr: 'Inclure les aspects de genre dans le questionnaire adressé aux directeurs de l’action antimines et aux États donateurs', es: 'Incluir los aspectos de género en el cuestionario a los directores de acción contra las minas y a los Estados donantes', ru: 'Включить гендерные аспекты в вопросник для руководителей противоминной деятельности и государств-доноров', zh: '在给排雷行动主管和捐助国的问卷中纳入性别方面', ar: 'إدراج الجوانب الجنسانية في الاستبيان الموجه إلى مديري الأعمال المتعلقة بالألغام والدول المانحة' },
    due: '2023-05-01',
    owner: 'Gender focal point',
    actions: ['OAP-45', 'OAP-47'],
  },
  {
    title: { en: 'Raise gender and diversity in the bilateral meetings before the intersessionals', fr: 'Aborder le genre et la diversité lors des réunions bilatérales précédant les réunions intersessions', es: 'Plantear el género y la diversidad en las reuniones bilaterales previas a las reuniones entre períodos de sesiones', ru: 'Поднимать вопросы гендера и разнообразия на двусторонних встречах до межсессионных совещаний', zh: '在闭会期间会议之前的双边会议上提出性别与多样性问题', ar: 'إثارة مسائل النوع الاجتماعي والتنوع في الاجتماعات الثنائية السابقة للاجتماعات التي تعقد فيما بين الدورات' },
    due: '2023-05-31',
    owner: 'Chair (Thailand)',
  },
  {
    title: { en: 'Apply a gender perspective when examining applications to the C&A Fund', fr: 'Appliquer une perspective de genre à l’examen des demandes adressées au Fonds', es: 'Aplicar una perspectiva de género al examinar las solicitudes al Fondo', ru: 'Учитывать гендерную перспективу при рассмотрении заявок в Фонд', zh: '审查向合作与援助基金提交的申请时采用性别视角', ar: 'تطبيق منظور جنساني عند دراسة الطلبات المقدمة إلى صندوق التعاون والمساعدة' },
    due: '2023-11-20',
    owner: 'Committee',
  },
  {
    title: { en: 'Present preliminary gender and diversity observations at the intersessionals, preferably jointly with the other committees', fr: 'Présenter des observations préliminaires sur le genre et la diversité lors des réunions intersessions, de préférence avec les autres comités', es: 'Presentar observaciones preliminares sobre género y diversidad en las reuniones entre períodos de sesiones, preferiblemente con los demás comités', ru: 'Представить предварительные замечания о гендере и разнообразии на межсессионных совещаниях, желательно совместно с другими комитетами', zh: '在闭会期间会议上提出关于性别与多样性的初步意见，最好与其他委员会联合提出', ar: 'عرض ملاحظات أولية بشأن النوع الاجتماعي والتنوع في الاجتماعات التي تعقد فيما بين الدورات، ويفضل بالاشتراك مع اللجان الأخرى' },
    due: '2023-06-21',
    owner: 'Gender focal point',
  },
  {
    title: { en: 'Thematic panel in June helping States mainstream gender in cooperation and assistance', fr: 'Table ronde thématique en juin pour aider les États à intégrer le genre dans la coopération et l’assistance', es: 'Panel temático en junio para ayudar a los Estados a integrar el género en la cooperación y la asistencia', ru: 'Тематическая дискуссия в июне о том, как государствам учитывать гендер в сотрудничестве и помощи', zh: '6月举行专题小组讨论，帮助各国将性别问题纳入合作与援助的主流', ar: 'حلقة نقاش مواضيعية في حزيران/يونيه لمساعدة الدول على تعميم مراعاة المنظور الجنساني في التعاون والمساعدة' },
    due: '2023-06-21',
    owner: 'Chair (Thailand)',
  },
  {
    title: { en: 'Prepare gender and diversity questions for Senegal’s individualised-approach meeting with the other committees', fr: 'Préparer avec les autres comités des questions sur le genre et la diversité pour la réunion du Sénégal au titre de l’approche individualisée', es: 'Preparar con los demás comités preguntas sobre género y diversidad para la reunión del Senegal en el marco del enfoque individualizado', ru: 'Подготовить с другими комитетами вопросы о гендере и разнообразии для встречи Сенегала в рамках индивидуального подхода', zh: '与其他委员会一道为塞内加尔的个性化办法会议准备性别与多样性问题', ar: 'إعداد أسئلة بشأن النوع الاجتماعي والتنوع لاجتماع السنغال في إطار النهج الفردي بالتعاون مع اللجان الأخرى' },
    due: '2023-06-21',
    owner: 'Gender focal point',
  },
  {
    title: { en: 'A gender and diversity panel at the 21MSP, itself balanced, with affected and donor States', fr: 'Une table ronde sur le genre et la diversité à la 21e Assemblée, elle-même équilibrée, avec des États touchés et donateurs', es: 'Un panel sobre género y diversidad en la 21ª Reunión, equilibrado en sí mismo, con Estados afectados y donantes', ru: 'Дискуссия о гендере и разнообразии на 21-м совещании — сбалансированная по составу, с участием затронутых государств и доноров', zh: '在第二十一届缔约国会议上举办本身性别均衡、有受影响国家和捐助国参加的性别与多样性专题讨论', ar: 'حلقة نقاش بشأن النوع الاجتماعي والتنوع في الاجتماع الحادي والعشرين، متوازنة في تكوينها، بمشاركة دول متضررة ودول مانحة' },
    due: '2023-11-20',
    owner: 'Gender focal point',
  },
  {
    title: { en: 'Present conclusions on gender and diversity in cooperation and assistance at the 21MSP', fr: 'Présenter à la 21e Assemblée des conclusions sur le genre et la diversité dans la coopération et l’assistance', es: 'Presentar en la 21ª Reunión conclusiones sobre el género y la diversidad en la cooperación y la asistencia', ru: 'Представить на 21-м совещании выводы о гендере и разнообразии в сотрудничестве и помощи', zh: '在第二十一届缔约国会议上提出关于合作与援助中性别与多样性的结论', ar: 'عرض استنتاجات بشأن النوع الاجتماعي والتنوع في التعاون والمساعدة في الاجتماع الحادي والعشرين' },
    due: '2023-11-20',
    owner: 'Chair (Thailand)',
  },
];

const INTRO: Record<WorkPlanKind, Texts> = {
  work_plan: {
    en: 'What the Committee set out to do in 2023 (demo data, written from the Committee’s recorded activities).',
    fr: 'Ce que le Comité s’est fixé pour 2023 (données de démonstration, rédigées d’après les activités consignées du Comité).',
    es: 'Lo que el Comité se propuso hacer en 2023 (datos de demostración, redactados a partir de las actividades registradas del Comité).',
    ru: 'Что Комитет наметил на 2023 год (демонстрационные данные, составленные по записанной деятельности Комитета).',
    zh: '委员会2023年的工作安排（演示数据，依据委员会记录的活动编写）。',
    ar: 'ما اعتزمت اللجنة القيام به في عام 2023 (بيانات تجريبية، كُتبت استنادًا إلى أنشطة اللجنة المسجلة).',
  },
  gender_action_plan: {
    en: 'The Committee’s 2023 gender and diversity action plan, led by its gender focal point, in ten workstreams (demo data).',
    fr: 'Le plan d’action 2023 du Comité en matière de genre et de diversité, conduit par sa personne référente, en dix axes (données de démonstration).',
    es: 'El plan de acción de 2023 del Comité sobre género y diversidad, dirigido por su punto focal de género, en diez líneas de trabajo (datos de demostración).',
    ru: 'План действий Комитета по гендеру и разнообразию на 2023 год под руководством его координатора по гендерным вопросам, в десяти направлениях (демонстрационные данные).',
    zh: '委员会2023年性别与多样性行动计划，由其性别问题协调人牵头，分为十个工作方向（演示数据）。',
    ar: 'خطة عمل اللجنة لعام 2023 بشأن النوع الاجتماعي والتنوع، بقيادة جهة التنسيق المعنية بالمسائل الجنسانية، في عشرة مسارات عمل (بيانات تجريبية).',
  },
};

/**
 * The Committee's 2023 year as demo data (demo mode only): its meetings, the individualised-approach
 * records (Senegal's linked to its 21 June meeting, so meetings come first), national platforms,
 * and its work plan and gender & diversity action plan.
 */
export async function seedDemoEngagement(database: Pick<Database, 'db'>): Promise<void> {
  await seedDemoMeetings(database);
  await seedDemoIndividualisedApproach(database);
  await seedDemoNationalPlatforms(database);
  await seedDemoWorkPlans(database);
}

/** The 2023 work plan and gender & diversity action plan of the C&A committee. */
async function seedDemoWorkPlans(database: Pick<Database, 'db'>): Promise<void> {
  await withTransaction(database.db, async (tx) => {
    for (const [kind, items] of [
      ['work_plan', WORK_PLAN_2023],
      ['gender_action_plan', GENDER_PLAN_2023],
    ] as const) {
      const plan = await repo.insertPlan(tx, { committeeId: COMMITTEE, year: 2023, kind, intro: INTRO[kind], isDemo: true });
      if (!plan) continue; // already seeded
      let position = 1;
      for (const item of items) {
        await repo.insertItem(tx, {
          planId: plan.id,
          position: position++,
          title: item.title,
          ownerLabel: item.owner,
          dueDate: item.due,
          status: item.status ?? 'done',
          actionIds: item.actions ?? [],
          progressNote: item.progress ?? null,
          completedAt: (item.status ?? 'done') === 'done' ? new Date(`${item.due}T17:00:00Z`) : null,
        });
      }
      await recordAudit(tx, SYSTEM_ACTOR, { action: 'engagement.work_plan.seeded', entityType: 'work_plan', entityId: plan.id, summary: { kind, items: items.length, demo: true } });
    }
  });
}
