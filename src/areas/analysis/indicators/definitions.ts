/**
 * What the Committee on the Enhancement of Cooperation and Assistance looks for in each Article 7
 * report: one indicator per question, tied to the Oslo Action Plan actions it measures (42–47) or
 * to gender and diversity. Titles and descriptions are the platform's own words, in the six
 * languages. Seeded as reference data (analysis_indicators); the ids are stable and used by the
 * detector's term lists, the reviewer's decisions and the later dashboard and follow-up pages.
 */
import type { LocalizedText } from '../../states/index.ts';
import type { IndicatorGroup } from '../schema.ts';

export interface IndicatorDefinition {
  id: string;
  group: IndicatorGroup;
  actionIds: string[];
  title: LocalizedText;
  description: LocalizedText;
  /** A "yes" counts as quantitative information (amounts, counts) rather than qualitative. */
  quantitative: boolean;
  sortOrder: number;
}

export const INDICATOR_IDS = [
  'ca.resource_plan',
  'ca.needs',
  'ca.national_resources',
  'ca.individualised_approach',
  'ca.assistance_received',
  'ca.assistance_provided',
  'ca.south_south',
  'ca.national_platform',
  'ca.development_links',
  'gd.integrated',
  'gd.disaggregated',
] as const;
export type IndicatorId = (typeof INDICATOR_IDS)[number];

export const INDICATORS: IndicatorDefinition[] = [
  {
    id: 'ca.resource_plan',
    group: 'cooperation',
    actionIds: ['OAP-42'],
    quantitative: false,
    sortOrder: 10,
    title: {
      en: 'Resource mobilisation plan',
      fr: 'Plan de mobilisation des ressources',
      es: 'Plan de movilización de recursos',
      ru: 'План мобилизации ресурсов',
      ar: 'خطة لحشد الموارد',
      zh: '资源调动计划',
    },
    description: {
      en: 'The State says it has a plan or strategy for raising the national and international funds its remaining work needs.',
      fr: 'L’État indique disposer d’un plan ou d’une stratégie pour réunir les fonds nationaux et internationaux nécessaires au travail qui lui reste.',
      es: 'El Estado indica que cuenta con un plan o una estrategia para reunir los fondos nacionales e internacionales que requiere el trabajo pendiente.',
      ru: 'Государство сообщает, что у него есть план или стратегия привлечения национальных и международных средств для оставшейся работы.',
      ar: 'تذكر الدولة أن لديها خطة أو استراتيجية لجمع الأموال الوطنية والدولية التي يتطلبها ما تبقى من عملها.',
      zh: '缔约国表示已制定计划或战略，为剩余工作筹集国内和国际资金。',
    },
  },
  {
    id: 'ca.needs',
    group: 'cooperation',
    actionIds: ['OAP-42'],
    quantitative: false,
    sortOrder: 20,
    title: {
      en: 'Challenges and assistance needs reported',
      fr: 'Difficultés et besoins d’assistance signalés',
      es: 'Dificultades y necesidades de asistencia señaladas',
      ru: 'Указаны трудности и потребности в помощи',
      ar: 'بيان التحديات والاحتياجات من المساعدة',
      zh: '报告了困难和援助需求',
    },
    description: {
      en: 'The report states what the State still lacks (funds, equipment, expertise) or what stands in its way.',
      fr: 'Le rapport précise ce qui manque encore à l’État (fonds, matériel, compétences) ou ce qui fait obstacle à son travail.',
      es: 'El informe precisa lo que aún le falta al Estado (fondos, equipos, conocimientos) o lo que obstaculiza su labor.',
      ru: 'В отчёте указано, чего государству ещё не хватает (средств, оборудования, опыта) или что мешает работе.',
      ar: 'يوضح التقرير ما لا تزال الدولة تفتقر إليه (أموال أو معدات أو خبرات) أو ما يعترض عملها.',
      zh: '报告说明了缔约国仍然缺少的资源（资金、设备、专业知识）或面临的障碍。',
    },
  },
  {
    id: 'ca.national_resources',
    group: 'cooperation',
    actionIds: ['OAP-42'],
    quantitative: true,
    sortOrder: 30,
    title: {
      en: 'National resources allocated',
      fr: 'Ressources nationales allouées',
      es: 'Recursos nacionales asignados',
      ru: 'Выделенные национальные ресурсы',
      ar: 'الموارد الوطنية المخصصة',
      zh: '国家投入的资源',
    },
    description: {
      en: 'The State reports money or means of its own (national budget, staff, equipment) put into its obligations.',
      fr: 'L’État fait état de fonds ou de moyens propres (budget national, personnel, matériel) consacrés à ses obligations.',
      es: 'El Estado informa de fondos o medios propios (presupuesto nacional, personal, equipos) dedicados a sus obligaciones.',
      ru: 'Государство сообщает о собственных средствах (государственный бюджет, персонал, оборудование), направленных на выполнение обязательств.',
      ar: 'تفيد الدولة بأموال أو وسائل خاصة بها (الميزانية الوطنية، الموظفون، المعدات) خصصتها للوفاء بالتزاماتها.',
      zh: '缔约国报告了为履行义务投入的自有资金或资源（国家预算、人员、设备）。',
    },
  },
  {
    id: 'ca.individualised_approach',
    group: 'cooperation',
    actionIds: ['OAP-42'],
    quantitative: false,
    sortOrder: 40,
    title: {
      en: 'Individualised approach used or planned',
      fr: 'Approche individualisée utilisée ou prévue',
      es: 'Enfoque individualizado utilizado o previsto',
      ru: 'Индивидуализированный подход применён или запланирован',
      ar: 'الاستفادة من النهج الفردي أو التخطيط لذلك',
      zh: '采用或计划采用个别化办法',
    },
    description: {
      en: 'The State has held, requested or plans a meeting under the individualised approach to present its situation to partners.',
      fr: 'L’État a tenu, demandé ou prévu une réunion au titre de l’approche individualisée pour présenter sa situation aux partenaires.',
      es: 'El Estado ha celebrado, solicitado o previsto una reunión del enfoque individualizado para presentar su situación a los asociados.',
      ru: 'Государство провело, запросило или планирует встречу в рамках индивидуализированного подхода, чтобы представить своё положение партнёрам.',
      ar: 'عقدت الدولة أو طلبت أو تعتزم عقد اجتماع في إطار النهج الفردي لعرض وضعها على الشركاء.',
      zh: '缔约国已举行、申请或计划举行个别化办法会议，向伙伴介绍本国情况。',
    },
  },
  {
    id: 'ca.assistance_received',
    group: 'cooperation',
    actionIds: ['OAP-43'],
    quantitative: true,
    sortOrder: 50,
    title: {
      en: 'Assistance received (partners, amounts)',
      fr: 'Assistance reçue (partenaires, montants)',
      es: 'Asistencia recibida (asociados, montos)',
      ru: 'Полученная помощь (партнёры, суммы)',
      ar: 'المساعدة المتلقاة (الشركاء والمبالغ)',
      zh: '获得的援助（伙伴、金额）',
    },
    description: {
      en: 'The State names the financial, technical or in-kind support it received, from whom, and how much where known.',
      fr: 'L’État indique l’appui financier, technique ou en nature reçu, de qui et, si possible, pour quel montant.',
      es: 'El Estado indica el apoyo financiero, técnico o en especie recibido, de quién y, cuando se conoce, por qué monto.',
      ru: 'Государство указывает полученную финансовую, техническую или натуральную помощь, её источник и, если известно, сумму.',
      ar: 'تذكر الدولة الدعم المالي أو التقني أو العيني الذي تلقته ومصدره ومبلغه إن كان معروفاً.',
      zh: '缔约国说明获得的资金、技术或实物支持、提供方以及已知的金额。',
    },
  },
  {
    id: 'ca.assistance_provided',
    group: 'cooperation',
    actionIds: ['OAP-43'],
    quantitative: true,
    sortOrder: 60,
    title: {
      en: 'Assistance provided to others',
      fr: 'Assistance fournie à d’autres',
      es: 'Asistencia prestada a otros',
      ru: 'Помощь, оказанная другим',
      ar: 'المساعدة المقدمة إلى الغير',
      zh: '向他方提供的援助',
    },
    description: {
      en: 'The State reports funds, equipment, experts or training it gave to other States or to organisations working for them.',
      fr: 'L’État fait état des fonds, du matériel, des experts ou des formations fournis à d’autres États ou aux organisations qui les aident.',
      es: 'El Estado informa de los fondos, equipos, expertos o formación aportados a otros Estados o a organizaciones que trabajan para ellos.',
      ru: 'Государство сообщает о средствах, оборудовании, экспертах или обучении, предоставленных другим государствам или работающим для них организациям.',
      ar: 'تفيد الدولة بما قدمته من أموال أو معدات أو خبراء أو تدريب إلى دول أخرى أو إلى منظمات تعمل لصالحها.',
      zh: '缔约国报告向其他国家或为其工作的组织提供的资金、设备、专家或培训。',
    },
  },
  {
    id: 'ca.south_south',
    group: 'cooperation',
    actionIds: ['OAP-44'],
    quantitative: false,
    sortOrder: 70,
    title: {
      en: 'South–South, regional or triangular cooperation',
      fr: 'Coopération Sud-Sud, régionale ou triangulaire',
      es: 'Cooperación Sur-Sur, regional o triangular',
      ru: 'Сотрудничество Юг–Юг, региональное или трёхстороннее',
      ar: 'التعاون بين بلدان الجنوب أو الإقليمي أو الثلاثي',
      zh: '南南合作、区域合作或三方合作',
    },
    description: {
      en: 'Affected States exchange expertise, equipment or good practice among themselves, possibly with a third partner.',
      fr: 'Des États touchés échangent entre eux compétences, matériel ou bonnes pratiques, éventuellement avec un tiers partenaire.',
      es: 'Estados afectados intercambian entre sí conocimientos, equipos o buenas prácticas, a veces con un tercer asociado.',
      ru: 'Затронутые государства обмениваются опытом, оборудованием или передовой практикой, иногда при участии третьего партнёра.',
      ar: 'تتبادل الدول المتأثرة فيما بينها الخبرات أو المعدات أو الممارسات الجيدة، وقد يشاركها شريك ثالث.',
      zh: '受影响国家之间交流专业知识、设备或良好做法，有时有第三方伙伴参与。',
    },
  },
  {
    id: 'ca.national_platform',
    group: 'cooperation',
    actionIds: ['OAP-45'],
    quantitative: false,
    sortOrder: 80,
    title: {
      en: 'National platform for dialogue on mine action',
      fr: 'Plateforme nationale de dialogue sur l’action contre les mines',
      es: 'Plataforma nacional de diálogo sobre la acción contra las minas',
      ru: 'Национальная платформа для диалога по противоминной деятельности',
      ar: 'منصة وطنية للحوار بشأن الأعمال المتعلقة بالألغام',
      zh: '国家排雷行动对话平台',
    },
    description: {
      en: 'A standing forum where national authorities, donors, operators, the United Nations and civil society meet regularly.',
      fr: 'Un cadre permanent où autorités nationales, bailleurs, opérateurs, Nations Unies et société civile se réunissent régulièrement.',
      es: 'Un espacio permanente donde autoridades nacionales, donantes, operadores, las Naciones Unidas y la sociedad civil se reúnen con regularidad.',
      ru: 'Постоянный форум, где регулярно встречаются национальные органы, доноры, операторы, Организация Объединённых Наций и гражданское общество.',
      ar: 'إطار دائم تجتمع فيه بانتظام السلطات الوطنية والمانحون والمشغلون والأمم المتحدة والمجتمع المدني.',
      zh: '国家当局、捐助方、作业机构、联合国和民间社会定期会面的常设论坛。',
    },
  },
  {
    id: 'ca.development_links',
    group: 'cooperation',
    actionIds: ['OAP-46'],
    quantitative: false,
    sortOrder: 90,
    title: {
      en: 'Mine action linked to development, humanitarian and peace efforts',
      fr: 'Action contre les mines liée au développement, à l’humanitaire et à la paix',
      es: 'Acción contra las minas vinculada al desarrollo, la acción humanitaria y la paz',
      ru: 'Связь противоминной деятельности с развитием, гуманитарной работой и миростроительством',
      ar: 'ربط الأعمال المتعلقة بالألغام بجهود التنمية والعمل الإنساني والسلام',
      zh: '排雷行动与发展、人道和和平工作相衔接',
    },
    description: {
      en: 'Mine action appears in national development plans, the Sustainable Development Goals, or humanitarian and peace-building frameworks.',
      fr: 'L’action contre les mines figure dans les plans nationaux de développement, les objectifs de développement durable ou les cadres humanitaires et de consolidation de la paix.',
      es: 'La acción contra las minas figura en los planes nacionales de desarrollo, los Objetivos de Desarrollo Sostenible o los marcos humanitarios y de consolidación de la paz.',
      ru: 'Противоминная деятельность включена в национальные планы развития, Цели устойчивого развития или гуманитарные и миротворческие рамки.',
      ar: 'تَرِد الأعمال المتعلقة بالألغام في خطط التنمية الوطنية أو أهداف التنمية المستدامة أو أطر العمل الإنساني وبناء السلام.',
      zh: '排雷行动被纳入国家发展计划、可持续发展目标或人道与建设和平框架。',
    },
  },
  {
    id: 'gd.integrated',
    group: 'gender',
    actionIds: ['OAP-45', 'OAP-47'],
    quantitative: false,
    sortOrder: 100,
    title: {
      en: 'Gender and diversity taken into account',
      fr: 'Genre et diversité pris en compte',
      es: 'Género y diversidad tenidos en cuenta',
      ru: 'Учёт гендерных аспектов и многообразия',
      ar: 'مراعاة المنظور الجنساني والتنوع',
      zh: '考虑了性别与多样性',
    },
    description: {
      en: 'The report says how the different needs of women, girls, boys and men and of diverse groups shape cooperation, assistance and programmes.',
      fr: 'Le rapport explique comment les besoins différents des femmes, des filles, des garçons et des hommes et de groupes divers orientent la coopération, l’assistance et les programmes.',
      es: 'El informe explica cómo las necesidades distintas de mujeres, niñas, niños y hombres y de grupos diversos orientan la cooperación, la asistencia y los programas.',
      ru: 'В отчёте сказано, как различные потребности женщин, девочек, мальчиков и мужчин и разных групп учитываются в сотрудничестве, помощи и программах.',
      ar: 'يبين التقرير كيف تُراعى الاحتياجات المختلفة للنساء والفتيات والفتيان والرجال ومختلف الفئات في التعاون والمساعدة والبرامج.',
      zh: '报告说明了妇女、女童、男童和男子以及不同群体的不同需求如何体现在合作、援助和方案中。',
    },
  },
  {
    id: 'gd.disaggregated',
    group: 'gender',
    actionIds: ['OAP-47'],
    quantitative: true,
    sortOrder: 110,
    title: {
      en: 'Data disaggregated by sex, age and disability',
      fr: 'Données ventilées par sexe, âge et handicap',
      es: 'Datos desglosados por sexo, edad y discapacidad',
      ru: 'Данные в разбивке по полу, возрасту и инвалидности',
      ar: 'بيانات مصنفة حسب الجنس والعمر والإعاقة',
      zh: '按性别、年龄和残疾分列的数据',
    },
    description: {
      en: 'People counted in the report (casualties, survivors, beneficiaries) are broken down by sex, age or disability.',
      fr: 'Les personnes recensées dans le rapport (victimes, survivants, bénéficiaires) sont ventilées par sexe, âge ou handicap.',
      es: 'Las personas contabilizadas en el informe (víctimas, sobrevivientes, beneficiarios) se desglosan por sexo, edad o discapacidad.',
      ru: 'Люди, учтённые в отчёте (пострадавшие, выжившие, получатели помощи), разбиты по полу, возрасту или инвалидности.',
      ar: 'يُصنَّف الأشخاص المذكورون في التقرير (الضحايا والناجون والمستفيدون) حسب الجنس أو العمر أو الإعاقة.',
      zh: '报告中统计的人员（伤亡者、幸存者、受益者）按性别、年龄或残疾分列。',
    },
  },
];

/**
 * The indicators that tell whether a report says how gender and diversity are integrated in its
 * cooperation and assistance (actions 45 and 47): the Committee's question for the coverage
 * figures and its follow-up letters. Data disaggregated by sex, age and disability are counted on
 * their own: nearly every report gives them (its people counts are disaggregated by design), so
 * they say nothing about gender and diversity in cooperation and assistance.
 */
export const GENDER_IN_COOPERATION: readonly IndicatorId[] = ['gd.integrated'];

export function indicatorDefinition(id: string): IndicatorDefinition | undefined {
  return INDICATORS.find((i) => i.id === id);
}
