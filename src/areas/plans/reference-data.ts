/**
 * Reference content of the action plans, seeded when missing (seed.ts) and then owned by the ISU,
 * who corrects it in the platform. Every title, summary and indicator here is a short text written
 * for this platform in its own words, in the six languages; none is quoted from the official plans.
 *
 * Oslo Action Plan 2020–2024 (APLC/CONF/2019/5/Add.1): 50 actions. Confirmed from public sources:
 * the ranges of survey/clearance with risk education (#18–#32), victim assistance (#33–#41),
 * cooperation and assistance (#42–#47, six actions) and compliance (#48–#50). The split of #1–#17
 * between best practices, universalisation and stockpiles, the split of #18–#32 between survey and
 * clearance and risk education, and the content of every action are reconstructions; every action
 * is therefore flagged `to-verify` until the ISU has checked it against the official text.
 *
 * Siem Reap–Angkor Action Plan 2025–2029 (adopted 29 November 2024 at the Fifth Review
 * Conference): its list of actions was not available when this was written. The sections below are
 * grouped by theme with provisional numbers; only the victim-assistance actions, whose numbers
 * (30–39) are confirmed, are seeded, as placeholders flagged `to-complete` for the ISU to fill in.
 * No other action is invented.
 */
import type { LocalizedText, Measure, Theme } from './plans.ts';

export interface ReferenceIndicator {
  measure: Measure | null;
  title: LocalizedText;
}

export interface ReferenceAction {
  number: number;
  title: LocalizedText;
  summary?: LocalizedText;
  themes: Theme[];
  indicators: ReferenceIndicator[];
}

export interface ReferenceSection {
  number: string;
  title: LocalizedText;
  actions: ReferenceAction[];
}

export interface ReferencePlan {
  id: string;
  code: string;
  title: LocalizedText;
  periodStart: number;
  periodEnd: number;
  adoptedOn: string;
  adoptedAt: LocalizedText;
  sortOrder: number;
  sections: ReferenceSection[];
}

/** A text in the six languages, written here in the order en, fr, es, ru, ar, zh. */
function tx(en: string, fr: string, es: string, ru: string, ar: string, zh: string): LocalizedText {
  return { ar, zh, en, fr, ru, es };
}

const count = (title: LocalizedText): ReferenceIndicator => ({ measure: 'count', title });
const share = (title: LocalizedText): ReferenceIndicator => ({ measure: 'share', title });

/** An Oslo action: every one is still to verify against the official text. */
function oap(number: number, themes: Theme[], title: LocalizedText, indicators: ReferenceIndicator[], summary?: LocalizedText): ReferenceAction {
  return { number, title, themes: [...themes, 'to-verify'], indicators, ...(summary ? { summary } : {}) };
}

// Section titles shared by both plans.
const UNIVERSALISATION = tx('Universalisation', 'Universalisation', 'Universalización', 'Универсализация', 'إضفاء الطابع العالمي', '普遍加入');
const STOCKPILES = tx(
  'Destruction of stockpiled mines and retention',
  'Destruction des stocks de mines et mines conservées',
  'Destrucción de existencias de minas y minas retenidas',
  'Уничтожение запасов мин и сохраняемые мины',
  'تدمير الألغام المخزونة والألغام المحتفظ بها',
  '销毁库存地雷和保留地雷',
);
const SURVEY_CLEARANCE = tx(
  'Survey and clearance of mined areas',
  'Étude et déminage des zones minées',
  'Estudio y limpieza de zonas minadas',
  'Обследование и разминирование минных районов',
  'مسح المناطق الملغومة وتطهيرها',
  '雷区勘查和清除',
);
const RISK_EDUCATION = tx(
  'Mine risk education and reduction',
  'Éducation aux risques des mines et réduction des risques',
  'Educación sobre el riesgo de minas y reducción del riesgo',
  'Просвещение о минной опасности и снижение риска',
  'التوعية بمخاطر الألغام والحد منها',
  '地雷风险教育和减少风险',
);
const VICTIM_ASSISTANCE = tx('Victim assistance', 'Assistance aux victimes', 'Asistencia a las víctimas', 'Помощь жертвам', 'مساعدة الضحايا', '受害者援助');
const COOPERATION = tx(
  'International cooperation and assistance',
  'Coopération et assistance internationales',
  'Cooperación y asistencia internacionales',
  'Международное сотрудничество и помощь',
  'التعاون والمساعدة على الصعيد الدولي',
  '国际合作与援助',
);

export const OSLO_ACTION_PLAN: ReferencePlan = {
  id: 'oslo-2019',
  code: 'OAP',
  title: tx(
    'Oslo Action Plan 2020–2024',
    "Plan d'action d'Oslo 2020-2024",
    'Plan de Acción de Oslo 2020-2024',
    'План действий Осло на 2020–2024 годы',
    'خطة عمل أوسلو 2020-2024',
    '2020—2024年奥斯陆行动计划',
  ),
  periodStart: 2020,
  periodEnd: 2024,
  adoptedOn: '2019-11-29',
  adoptedAt: tx(
    'Fourth Review Conference, Oslo',
    "Quatrième Conférence d'examen, Oslo",
    'Cuarta Conferencia de Examen, Oslo',
    'Четвёртая обзорная конференция, Осло',
    'المؤتمر الاستعراضي الرابع، أوسلو',
    '第四次审议会议，奥斯陆',
  ),
  sortOrder: 1,
  sections: [
    {
      number: 'II',
      title: tx(
        'Best practices for implementing the Convention',
        'Meilleures pratiques pour la mise en œuvre de la Convention',
        'Mejores prácticas para la aplicación de la Convención',
        'Передовая практика осуществления Конвенции',
        'أفضل الممارسات لتنفيذ الاتفاقية',
        '执行《公约》的最佳做法',
      ),
      actions: [
        oap(
          1,
          ['best-practice'],
          tx(
            'Show national ownership through high-level commitment and national funding',
            "Affirmer l'appropriation nationale par un engagement de haut niveau et des fonds nationaux",
            'Demostrar la implicación nacional con un compromiso de alto nivel y fondos nacionales',
            'Обеспечить национальную ответственность: приверженность на высоком уровне и национальное финансирование',
            'إبداء الملكية الوطنية عبر التزام رفيع المستوى وتمويل وطني',
            '通过高层承诺和国家资金体现国家自主',
          ),
          [
            share(
              tx(
                'Share of States Parties with remaining obligations that allocate national funds',
                "Proportion d'États parties ayant des obligations en cours qui y consacrent des fonds nationaux",
                'Proporción de Estados partes con obligaciones pendientes que asignan fondos nacionales',
                'Доля государств-участников с невыполненными обязательствами, выделяющих национальные средства',
                'نسبة الدول الأطراف ذات الالتزامات المتبقية التي تخصص أموالاً وطنية',
                '有未履行义务并划拨国家资金的缔约国比例',
              ),
            ),
          ],
        ),
        oap(
          2,
          ['best-practice'],
          tx(
            'Base strategies and work plans on evidence, with time-bound, costed targets',
            'Fonder stratégies et plans de travail sur des données probantes, chiffrés et assortis d’échéances',
            'Basar estrategias y planes de trabajo en datos empíricos, con metas presupuestadas y plazos',
            'Основывать стратегии и планы работы на фактических данных, со сроками и сметой',
            'بناء الاستراتيجيات وخطط العمل على الأدلة، مع أهداف محددة زمنياً ومقدّرة التكلفة',
            '以证据为基础制定有时限、有成本估算的战略和工作计划',
          ),
          [
            share(
              tx(
                'Share of States Parties with remaining obligations that have costed, time-bound plans',
                "Proportion d'États parties ayant des obligations en cours qui disposent de plans chiffrés et assortis d'échéances",
                'Proporción de Estados partes con obligaciones pendientes que cuentan con planes presupuestados y con plazos',
                'Доля государств-участников с невыполненными обязательствами, имеющих планы со сметой и сроками',
                'نسبة الدول الأطراف ذات الالتزامات المتبقية التي لديها خطط محددة التكلفة والمدة',
                '有未履行义务并制定了有成本估算和时限计划的缔约国比例',
              ),
            ),
          ],
        ),
        oap(
          3,
          ['best-practice', 'gender'],
          tx(
            'Integrate gender and the diverse needs of affected communities',
            'Intégrer le genre et les besoins divers des communautés touchées',
            'Integrar el género y las diversas necesidades de las comunidades afectadas',
            'Учитывать гендерные аспекты и разнообразные потребности пострадавших общин',
            'إدماج المنظور الجنساني والاحتياجات المتنوعة للمجتمعات المتضررة',
            '纳入性别视角和受影响社区的多样化需求',
          ),
          [
            count(
              tx(
                'Number of States Parties that report how gender and diversity are integrated in their plans',
                "Nombre d'États parties qui indiquent comment le genre et la diversité sont intégrés dans leurs plans",
                'Número de Estados partes que informan de cómo integran el género y la diversidad en sus planes',
                'Число государств-участников, сообщающих, как гендерные аспекты и разнообразие учтены в их планах',
                'عدد الدول الأطراف التي تبيّن كيفية إدماج المنظور الجنساني والتنوع في خططها',
                '报告如何将性别和多样性纳入其计划的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          4,
          ['best-practice', 'gender'],
          tx(
            'Remove barriers to full, equal and gender-balanced participation',
            'Lever les obstacles à une participation pleine, égale et équilibrée entre les genres',
            'Eliminar obstáculos a una participación plena, igualitaria y con equilibrio de género',
            'Устранять препятствия для полного, равного и гендерно сбалансированного участия',
            'إزالة العوائق أمام المشاركة الكاملة والمتساوية والمتوازنة بين الجنسين',
            '消除充分、平等和性别均衡参与的障碍',
          ),
          [
            share(
              tx(
                'Share of women among delegates to Convention meetings',
                'Proportion de femmes parmi les délégués aux réunions de la Convention',
                'Proporción de mujeres entre los delegados en las reuniones de la Convención',
                'Доля женщин среди делегатов на совещаниях по Конвенции',
                'نسبة النساء بين المندوبين في اجتماعات الاتفاقية',
                '《公约》会议代表中的女性比例',
              ),
            ),
          ],
        ),
        oap(
          5,
          ['best-practice'],
          tx(
            'Coordinate implementation inclusively at national level',
            'Coordonner la mise en œuvre de manière inclusive au niveau national',
            'Coordinar la aplicación de forma inclusiva a nivel nacional',
            'Обеспечить инклюзивную координацию осуществления на национальном уровне',
            'تنسيق التنفيذ على الصعيد الوطني بطريقة شاملة للجميع',
            '在国家层面以包容方式协调执行工作',
          ),
          [
            count(
              tx(
                'Number of States Parties with a national coordination mechanism that includes all stakeholders',
                "Nombre d'États parties dotés d'un mécanisme national de coordination associant toutes les parties prenantes",
                'Número de Estados partes con un mecanismo nacional de coordinación que incluye a todas las partes interesadas',
                'Число государств-участников с национальным механизмом координации, охватывающим все заинтересованные стороны',
                'عدد الدول الأطراف التي لديها آلية تنسيق وطنية تشمل جميع أصحاب المصلحة',
                '设有涵盖所有利益攸关方的国家协调机制的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          6,
          ['best-practice'],
          tx(
            'Keep national information management systems accurate and up to date',
            "Tenir à jour des systèmes nationaux fiables de gestion de l'information",
            'Mantener sistemas nacionales de gestión de la información precisos y actualizados',
            'Поддерживать точные и актуальные национальные системы управления информацией',
            'الحفاظ على نظم وطنية لإدارة المعلومات دقيقة ومحدّثة',
            '保持国家信息管理系统准确并及时更新',
          ),
          [
            count(
              tx(
                'Number of States Parties with a national information management system',
                "Nombre d'États parties disposant d'un système national de gestion de l'information",
                'Número de Estados partes con un sistema nacional de gestión de la información',
                'Число государств-участников, имеющих национальную систему управления информацией',
                'عدد الدول الأطراف التي لديها نظام وطني لإدارة المعلومات',
                '拥有国家信息管理系统的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          7,
          ['best-practice', 'reporting'],
          tx(
            "Share progress and challenges through the Convention's reporting and meetings",
            'Faire connaître progrès et difficultés dans les rapports et réunions de la Convention',
            'Dar a conocer avances y dificultades en los informes y reuniones de la Convención',
            'Сообщать о прогрессе и трудностях в докладах и на совещаниях по Конвенции',
            'إطلاع الدول على التقدم والتحديات عبر تقارير الاتفاقية واجتماعاتها',
            '通过《公约》报告和会议通报进展和挑战',
          ),
          [
            count(
              tx(
                'Number of States Parties that present updates at Convention meetings',
                "Nombre d'États parties qui présentent des mises à jour aux réunions de la Convention",
                'Número de Estados partes que presentan actualizaciones en las reuniones de la Convención',
                'Число государств-участников, представляющих обновлённую информацию на совещаниях по Конвенции',
                'عدد الدول الأطراف التي تقدم معلومات محدّثة في اجتماعات الاتفاقية',
                '在《公约》会议上介绍最新情况的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          8,
          ['best-practice'],
          tx(
            'Build sustainable national capacity for implementation',
            'Renforcer des capacités nationales durables de mise en œuvre',
            'Crear capacidad nacional sostenible para la aplicación',
            'Создавать устойчивый национальный потенциал для осуществления',
            'بناء قدرات وطنية مستدامة على التنفيذ',
            '建设可持续的国家执行能力',
          ),
          [
            count(
              tx(
                'Number of States Parties reporting measures to sustain national capacity',
                "Nombre d'États parties qui font état de mesures pour pérenniser leurs capacités nationales",
                'Número de Estados partes que informan de medidas para mantener la capacidad nacional',
                'Число государств-участников, сообщающих о мерах по поддержанию национального потенциала',
                'عدد الدول الأطراف التي تبلغ عن تدابير لاستدامة القدرات الوطنية',
                '报告为维持国家能力所采取措施的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          9,
          ['best-practice'],
          tx(
            'Apply good practice in managing mine action programmes',
            "Appliquer les bonnes pratiques de gestion des programmes d'action contre les mines",
            'Aplicar buenas prácticas en la gestión de los programas de acción contra las minas',
            'Применять передовую практику в управлении программами противоминной деятельности',
            'تطبيق الممارسات الجيدة في إدارة برامج الأعمال المتعلقة بالألغام',
            '在管理排雷行动方案中采用良好做法',
          ),
          [
            count(
              tx(
                'Number of States Parties reporting on quality management in their programmes',
                "Nombre d'États parties qui rendent compte de la gestion de la qualité de leurs programmes",
                'Número de Estados partes que informan sobre la gestión de la calidad de sus programas',
                'Число государств-участников, сообщающих об управлении качеством в своих программах',
                'عدد الدول الأطراف التي تبلغ عن إدارة الجودة في برامجها',
                '报告其方案质量管理情况的缔约国数目',
              ),
            ),
          ],
        ),
      ],
    },
    {
      number: 'III',
      title: UNIVERSALISATION,
      actions: [
        oap(
          10,
          ['universalisation'],
          tx(
            'Encourage States not party to join the Convention',
            'Encourager les États non parties à adhérer à la Convention',
            'Alentar a los Estados no partes a adherirse a la Convención',
            'Побуждать государства, не являющиеся участниками, присоединиться к Конвенции',
            'تشجيع الدول غير الأطراف على الانضمام إلى الاتفاقية',
            '鼓励非缔约国加入《公约》',
          ),
          [
            count(
              tx(
                'Number of States that join the Convention during the plan period',
                "Nombre d'États qui adhèrent à la Convention pendant la durée du plan",
                'Número de Estados que se adhieren a la Convención durante el período del plan',
                'Число государств, присоединившихся к Конвенции за период действия плана',
                'عدد الدول التي تنضم إلى الاتفاقية خلال فترة الخطة',
                '计划期内加入《公约》的国家数目',
              ),
            ),
          ],
        ),
        oap(
          11,
          ['universalisation'],
          tx(
            'Promote the norm against anti-personnel mines in regional and international forums',
            'Promouvoir la norme contre les mines antipersonnel dans les enceintes régionales et internationales',
            'Promover la norma contra las minas antipersonal en foros regionales e internacionales',
            'Продвигать норму против противопехотных мин на региональных и международных форумах',
            'تعزيز القاعدة المناهضة للألغام المضادة للأفراد في المحافل الإقليمية والدولية',
            '在区域和国际论坛上推广禁止杀伤人员地雷的准则',
          ),
          [
            count(
              tx(
                'Number of States Parties promoting the Convention in regional or international forums',
                "Nombre d'États parties qui promeuvent la Convention dans des enceintes régionales ou internationales",
                'Número de Estados partes que promueven la Convención en foros regionales o internacionales',
                'Число государств-участников, продвигающих Конвенцию на региональных или международных форумах',
                'عدد الدول الأطراف التي تروّج للاتفاقية في المحافل الإقليمية أو الدولية',
                '在区域或国际论坛上推广《公约》的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          12,
          ['universalisation', 'reporting'],
          tx(
            'Encourage States not party to report voluntarily and take interim steps',
            'Inciter les États non parties à faire rapport volontairement et à prendre des mesures intérimaires',
            'Alentar a los Estados no partes a informar voluntariamente y adoptar medidas provisionales',
            'Побуждать государства, не являющиеся участниками, добровольно представлять доклады и принимать промежуточные меры',
            'تشجيع الدول غير الأطراف على تقديم تقارير طوعية واتخاذ خطوات مؤقتة',
            '鼓励非缔约国自愿提交报告并采取临时措施',
          ),
          [
            count(
              tx(
                'Number of States not party that submit voluntary reports',
                "Nombre d'États non parties qui présentent des rapports volontaires",
                'Número de Estados no partes que presentan informes voluntarios',
                'Число государств, не являющихся участниками, представляющих добровольные доклады',
                'عدد الدول غير الأطراف التي تقدم تقارير طوعية',
                '提交自愿报告的非缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          13,
          ['universalisation'],
          tx(
            'Condemn any use of anti-personnel mines by any actor',
            'Condamner toute utilisation de mines antipersonnel, par quelque acteur que ce soit',
            'Condenar cualquier uso de minas antipersonal por cualquier actor',
            'Осуждать любое применение противопехотных мин любыми субъектами',
            'إدانة أي استخدام للألغام المضادة للأفراد من قبل أي جهة',
            '谴责任何行为体使用杀伤人员地雷',
          ),
          [
            count(
              tx(
                'Number of States Parties that publicly condemn reported use',
                "Nombre d'États parties qui condamnent publiquement les cas d'utilisation signalés",
                'Número de Estados partes que condenan públicamente los usos denunciados',
                'Число государств-участников, публично осуждающих сообщаемые случаи применения',
                'عدد الدول الأطراف التي تدين علناً حالات الاستخدام المبلغ عنها',
                '公开谴责所报告使用行为的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          14,
          ['universalisation'],
          tx(
            'Work with partners to raise awareness of the Convention',
            'Sensibiliser à la Convention avec les partenaires',
            'Dar a conocer la Convención junto con los asociados',
            'Вместе с партнёрами повышать осведомлённость о Конвенции',
            'العمل مع الشركاء للتعريف بالاتفاقية',
            '与伙伴合作提高对《公约》的认识',
          ),
          [
            count(
              tx(
                'Number of awareness activities on the Convention held with partners',
                "Nombre d'activités de sensibilisation à la Convention menées avec des partenaires",
                'Número de actividades de sensibilización sobre la Convención realizadas con asociados',
                'Число мероприятий по информированию о Конвенции, проведённых с партнёрами',
                'عدد أنشطة التوعية بالاتفاقية المنفذة مع الشركاء',
                '与伙伴共同开展的《公约》宣传活动数目',
              ),
            ),
          ],
        ),
      ],
    },
    {
      number: 'IV',
      title: STOCKPILES,
      actions: [
        oap(
          15,
          ['stockpiles'],
          tx(
            'Destroy stockpiled anti-personnel mines within the deadline',
            'Détruire les stocks de mines antipersonnel dans le délai prescrit',
            'Destruir las existencias de minas antipersonal dentro del plazo',
            'Уничтожить запасы противопехотных мин в установленный срок',
            'تدمير مخزونات الألغام المضادة للأفراد ضمن المهلة المحددة',
            '在期限内销毁库存杀伤人员地雷',
          ),
          [
            count(
              tx(
                'Number of States Parties that complete stockpile destruction by their deadline',
                "Nombre d'États parties qui achèvent la destruction de leurs stocks dans le délai",
                'Número de Estados partes que terminan la destrucción de existencias dentro del plazo',
                'Число государств-участников, завершивших уничтожение запасов к установленному сроку',
                'عدد الدول الأطراف التي تنجز تدمير المخزونات ضمن مهلتها',
                '在期限内完成库存销毁的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          16,
          ['stockpiles'],
          tx(
            'Report and destroy previously unknown stockpiles promptly',
            'Signaler et détruire sans tarder les stocks découverts après coup',
            'Informar de existencias antes desconocidas y destruirlas sin demora',
            'Сообщать о ранее неизвестных запасах и оперативно их уничтожать',
            'الإبلاغ عن المخزونات غير المعروفة سابقاً وتدميرها فوراً',
            '报告并迅速销毁此前未知的库存',
          ),
          [
            count(
              tx(
                'Number of previously unknown stockpiles reported and destroyed',
                'Nombre de stocks auparavant inconnus signalés et détruits',
                'Número de existencias antes desconocidas notificadas y destruidas',
                'Число ранее неизвестных запасов, о которых сообщено и которые уничтожены',
                'عدد المخزونات غير المعروفة سابقاً المبلغ عنها والمدمرة',
                '已报告并销毁的此前未知库存数目',
              ),
            ),
          ],
        ),
        oap(
          17,
          ['stockpiles', 'reporting'],
          tx(
            'Keep retained mines to the minimum needed and report on their use',
            'Limiter les mines conservées au minimum nécessaire et rendre compte de leur utilisation',
            'Limitar las minas retenidas al mínimo necesario e informar de su uso',
            'Сохранять лишь минимально необходимое число мин и сообщать об их использовании',
            'الاقتصار على الحد الأدنى اللازم من الألغام المحتفظ بها والإبلاغ عن استخدامها',
            '将保留地雷限于所需最低数量并报告其使用情况',
          ),
          [
            count(
              tx(
                'Number of States Parties reporting the purpose and actual use of retained mines',
                "Nombre d'États parties indiquant l'objet et l'utilisation réelle des mines conservées",
                'Número de Estados partes que informan del propósito y el uso real de las minas retenidas',
                'Число государств-участников, сообщающих о цели и фактическом использовании сохраняемых мин',
                'عدد الدول الأطراف التي تبلغ عن الغرض من الألغام المحتفظ بها واستخدامها الفعلي',
                '报告保留地雷用途和实际使用情况的缔约国数目',
              ),
            ),
          ],
        ),
      ],
    },
    {
      number: 'V',
      title: SURVEY_CLEARANCE,
      actions: [
        oap(
          18,
          ['clearance'],
          tx(
            'Establish an evidence-based baseline of contamination',
            'Établir une base de référence factuelle de la contamination',
            'Establecer una línea de base empírica de la contaminación',
            'Определить основанные на фактах исходные данные о загрязнении',
            'وضع خط أساس للتلوث قائم على الأدلة',
            '建立以证据为基础的污染基线',
          ),
          [
            share(
              tx(
                'Share of affected States Parties with an evidence-based baseline',
                "Proportion d'États parties touchés disposant d'une base de référence factuelle",
                'Proporción de Estados partes afectados con una línea de base empírica',
                'Доля затронутых государств-участников, имеющих основанные на фактах исходные данные',
                'نسبة الدول الأطراف المتضررة التي لديها خط أساس قائم على الأدلة',
                '拥有以证据为基础的基线的受影响缔约国比例',
              ),
            ),
          ],
        ),
        oap(
          19,
          ['clearance'],
          tx(
            'Mark and protect mined areas until they are cleared',
            "Baliser et protéger les zones minées jusqu'à leur dépollution",
            'Señalizar y proteger las zonas minadas hasta su limpieza',
            'Обозначать и охранять минные районы до их разминирования',
            'وضع علامات على المناطق الملغومة وحمايتها إلى حين تطهيرها',
            '在清除之前标示并保护雷区',
          ),
          [
            count(
              tx(
                'Number of affected States Parties reporting marking and protection measures',
                "Nombre d'États parties touchés faisant état de mesures de balisage et de protection",
                'Número de Estados partes afectados que informan de medidas de señalización y protección',
                'Число затронутых государств-участников, сообщающих о мерах по обозначению и охране',
                'عدد الدول الأطراف المتضررة التي تبلغ عن تدابير وضع العلامات والحماية',
                '报告标示和保护措施的受影响缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          20,
          ['clearance'],
          tx(
            'Apply national standards in line with the International Mine Action Standards',
            "Appliquer des normes nationales conformes aux Normes internationales de l'action contre les mines",
            'Aplicar normas nacionales acordes con las Normas Internacionales para la Acción contra las Minas',
            'Применять национальные стандарты в соответствии с Международными стандартами противоминной деятельности',
            'تطبيق معايير وطنية متوافقة مع المعايير الدولية للأعمال المتعلقة بالألغام',
            '采用符合《国际排雷行动标准》的国家标准',
          ),
          [
            count(
              tx(
                'Number of affected States Parties with up-to-date national standards',
                "Nombre d'États parties touchés disposant de normes nationales à jour",
                'Número de Estados partes afectados con normas nacionales actualizadas',
                'Число затронутых государств-участников с актуальными национальными стандартами',
                'عدد الدول الأطراف المتضررة التي لديها معايير وطنية محدّثة',
                '拥有最新国家标准的受影响缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          21,
          ['clearance'],
          tx(
            'Release land using non-technical survey, technical survey and clearance',
            'Remettre les terres à disposition par enquête non technique, étude technique et dépollution',
            'Liberar tierras mediante estudio no técnico, estudio técnico y limpieza',
            'Высвобождать земли путём нетехнического и технического обследования и разминирования',
            'الإفراج عن الأراضي بالمسح غير التقني والمسح التقني والتطهير',
            '通过非技术勘查、技术勘查和清除释放土地',
          ),
          [
            count(
              tx(
                'Number of affected States Parties that use all land-release methods',
                "Nombre d'États parties touchés qui recourent à toutes les méthodes de remise à disposition des terres",
                'Número de Estados partes afectados que emplean todos los métodos de liberación de tierras',
                'Число затронутых государств-участников, применяющих все методы высвобождения земель',
                'عدد الدول الأطراف المتضررة التي تستخدم جميع طرق الإفراج عن الأراضي',
                '采用所有土地释放方法的受影响缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          22,
          ['clearance'],
          tx(
            'Address contamination by improvised anti-personnel mines',
            'Traiter la contamination par des mines antipersonnel de nature improvisée',
            'Abordar la contaminación por minas antipersonal de carácter improvisado',
            'Устранять загрязнение противопехотными минами самодельного характера',
            'معالجة التلوث بالألغام المضادة للأفراد ذات الطابع المرتجل',
            '处理简易杀伤人员地雷造成的污染',
          ),
          [
            count(
              tx(
                'Number of affected States Parties reporting improvised mine contamination',
                "Nombre d'États parties touchés signalant une contamination par des mines improvisées",
                'Número de Estados partes afectados que informan de contaminación por minas improvisadas',
                'Число затронутых государств-участников, сообщающих о загрязнении самодельными минами',
                'عدد الدول الأطراف المتضررة التي تبلغ عن تلوث بألغام مرتجلة',
                '报告简易地雷污染的受影响缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          23,
          ['clearance'],
          tx(
            'Develop costed, multi-year work plans with annual milestones',
            'Élaborer des plans de travail pluriannuels chiffrés avec des étapes annuelles',
            'Elaborar planes de trabajo plurianuales presupuestados con hitos anuales',
            'Разработать многолетние планы работы со сметой и ежегодными этапами',
            'إعداد خطط عمل متعددة السنوات محددة التكلفة ومعالم سنوية',
            '制定有成本估算和年度里程碑的多年期工作计划',
          ),
          [
            share(
              tx(
                'Share of affected States Parties with a costed, multi-year work plan',
                "Proportion d'États parties touchés disposant d'un plan de travail pluriannuel chiffré",
                'Proporción de Estados partes afectados con un plan de trabajo plurianual presupuestado',
                'Доля затронутых государств-участников с многолетним планом работы со сметой',
                'نسبة الدول الأطراف المتضررة التي لديها خطة عمل متعددة السنوات محددة التكلفة',
                '拥有有成本估算的多年期工作计划的受影响缔约国比例',
              ),
            ),
          ],
        ),
        oap(
          24,
          ['clearance', 'risk-education'],
          tx(
            'Plan risk education alongside survey and clearance',
            "Planifier l'éducation aux risques en parallèle de l'étude et du déminage",
            'Planificar la educación sobre el riesgo junto con el estudio y la limpieza',
            'Планировать просвещение о рисках наряду с обследованием и разминированием',
            'تخطيط التوعية بالمخاطر بالتوازي مع المسح والتطهير',
            '将风险教育与勘查和清除一并规划',
          ),
          [
            share(
              tx(
                'Share of affected States Parties whose work plans include risk education',
                "Proportion d'États parties touchés dont les plans de travail prévoient l'éducation aux risques",
                'Proporción de Estados partes afectados cuyos planes de trabajo incluyen educación sobre el riesgo',
                'Доля затронутых государств-участников, чьи планы работы включают просвещение о рисках',
                'نسبة الدول الأطراف المتضررة التي تشمل خطط عملها التوعية بالمخاطر',
                '工作计划包括风险教育的受影响缔约国比例',
              ),
            ),
          ],
        ),
        oap(
          25,
          ['clearance'],
          tx(
            'Keep contamination and land-release data in a national database',
            'Tenir les données sur la contamination et la remise à disposition des terres dans une base nationale',
            'Mantener los datos de contaminación y liberación de tierras en una base de datos nacional',
            'Вести данные о загрязнении и высвобождении земель в национальной базе данных',
            'حفظ بيانات التلوث والإفراج عن الأراضي في قاعدة بيانات وطنية',
            '将污染和土地释放数据纳入国家数据库',
          ),
          [
            count(
              tx(
                'Number of affected States Parties with a national mine action database',
                "Nombre d'États parties touchés dotés d'une base de données nationale sur l'action contre les mines",
                'Número de Estados partes afectados con una base de datos nacional de acción contra las minas',
                'Число затронутых государств-участников с национальной базой данных по противоминной деятельности',
                'عدد الدول الأطراف المتضررة التي لديها قاعدة بيانات وطنية للأعمال المتعلقة بالألغام',
                '拥有国家排雷行动数据库的受影响缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          26,
          ['clearance'],
          tx(
            'Request an extension only when needed, with a complete and realistic plan',
            "Ne demander une prolongation qu'en cas de besoin, avec un plan complet et réaliste",
            'Solicitar una prórroga solo si es necesario, con un plan completo y realista',
            'Запрашивать продление лишь при необходимости, с полным и реалистичным планом',
            'عدم طلب التمديد إلا عند الحاجة، مع خطة كاملة وواقعية',
            '仅在必要时申请延期，并附完整、切实可行的计划',
          ),
          [
            count(
              tx(
                'Number of extension requests submitted with a complete work plan',
                "Nombre de demandes de prolongation accompagnées d'un plan de travail complet",
                'Número de solicitudes de prórroga presentadas con un plan de trabajo completo',
                'Число запросов о продлении, представленных с полным планом работы',
                'عدد طلبات التمديد المقدمة مع خطة عمل كاملة',
                '附完整工作计划提交的延期申请数目',
              ),
            ),
          ],
        ),
        oap(
          27,
          ['clearance', 'reporting'],
          tx(
            'Report land released, by cancelled, reduced and cleared area',
            'Rendre compte des terres remises à disposition : annulées, réduites et dépolluées',
            'Informar de la tierra liberada: cancelada, reducida y limpiada',
            'Сообщать о высвобожденных землях: исключённых, сокращённых и разминированных',
            'الإبلاغ عن الأراضي المُفرج عنها: الملغاة والمقلّصة والمطهّرة',
            '按注销、缩减和清除面积报告已释放土地',
          ),
          [
            count(
              tx(
                'Number of affected States Parties reporting land release disaggregated by method',
                "Nombre d'États parties touchés ventilant les terres remises à disposition par méthode",
                'Número de Estados partes afectados que desglosan la tierra liberada por método',
                'Число затронутых государств-участников, приводящих данные о высвобожденных землях в разбивке по методам',
                'عدد الدول الأطراف المتضررة التي تبلغ عن الأراضي المفرج عنها مصنفة حسب الطريقة',
                '按方法分列报告土地释放情况的受影响缔约国数目',
              ),
            ),
          ],
        ),
      ],
    },
    {
      number: 'VI',
      title: RISK_EDUCATION,
      actions: [
        oap(
          28,
          ['risk-education'],
          tx(
            'Provide risk education tailored to each affected group',
            'Offrir une éducation aux risques adaptée à chaque groupe touché',
            'Impartir educación sobre el riesgo adaptada a cada grupo afectado',
            'Проводить просвещение о рисках с учётом особенностей каждой пострадавшей группы',
            'توفير توعية بالمخاطر مكيّفة مع كل فئة متضررة',
            '针对每个受影响群体提供量身定制的风险教育',
          ),
          [
            count(
              tx(
                'Number of States Parties reporting risk education adapted to age and gender',
                "Nombre d'États parties faisant état d'une éducation aux risques adaptée à l'âge et au genre",
                'Número de Estados partes que informan de educación sobre el riesgo adaptada a la edad y el género',
                'Число государств-участников, сообщающих о просвещении о рисках с учётом возраста и пола',
                'عدد الدول الأطراف التي تبلغ عن توعية بالمخاطر مكيّفة حسب العمر والجنس',
                '报告按年龄和性别调整风险教育的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          29,
          ['risk-education', 'gender'],
          tx(
            'Prioritise people most at risk, using data by sex, age and disability',
            'Donner la priorité aux personnes les plus exposées, avec des données ventilées par sexe, âge et handicap',
            'Priorizar a las personas más expuestas, con datos desglosados por sexo, edad y discapacidad',
            'Уделять первоочередное внимание наиболее уязвимым, используя данные в разбивке по полу, возрасту и инвалидности',
            'إعطاء الأولوية للأشخاص الأكثر عرضة للخطر، باستخدام بيانات مصنفة حسب الجنس والعمر والإعاقة',
            '利用按性别、年龄和残疾分列的数据，优先关注风险最高的人群',
          ),
          [
            count(
              tx(
                'Number of States Parties reporting beneficiaries by sex, age and disability',
                "Nombre d'États parties indiquant les bénéficiaires par sexe, âge et handicap",
                'Número de Estados partes que informan de los beneficiarios por sexo, edad y discapacidad',
                'Число государств-участников, сообщающих о бенефициарах в разбивке по полу, возрасту и инвалидности',
                'عدد الدول الأطراف التي تبلغ عن المستفيدين مصنفين حسب الجنس والعمر والإعاقة',
                '按性别、年龄和残疾分列报告受益人的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          30,
          ['risk-education'],
          tx(
            'Integrate risk education into national education and health systems',
            "Intégrer l'éducation aux risques dans les systèmes nationaux d'éducation et de santé",
            'Integrar la educación sobre el riesgo en los sistemas nacionales de educación y salud',
            'Включать просвещение о рисках в национальные системы образования и здравоохранения',
            'إدماج التوعية بالمخاطر في النظم الوطنية للتعليم والصحة',
            '将风险教育纳入国家教育和卫生系统',
          ),
          [
            count(
              tx(
                'Number of States Parties with risk education in national education or health programmes',
                "Nombre d'États parties intégrant l'éducation aux risques dans les programmes nationaux d'éducation ou de santé",
                'Número de Estados partes que incluyen la educación sobre el riesgo en programas nacionales de educación o salud',
                'Число государств-участников, включивших просвещение о рисках в национальные программы образования или здравоохранения',
                'عدد الدول الأطراف التي تدرج التوعية بالمخاطر في البرامج الوطنية للتعليم أو الصحة',
                '将风险教育纳入国家教育或卫生方案的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          31,
          ['risk-education'],
          tx(
            'Build national capacity to deliver and adapt risk education',
            "Renforcer la capacité nationale à dispenser et adapter l'éducation aux risques",
            'Crear capacidad nacional para impartir y adaptar la educación sobre el riesgo',
            'Наращивать национальный потенциал для проведения и адаптации просвещения о рисках',
            'بناء القدرة الوطنية على تقديم التوعية بالمخاطر وتكييفها',
            '建设提供和调整风险教育的国家能力',
          ),
          [
            count(
              tx(
                'Number of States Parties with national capacity to deliver risk education',
                "Nombre d'États parties disposant d'une capacité nationale d'éducation aux risques",
                'Número de Estados partes con capacidad nacional para impartir educación sobre el riesgo',
                'Число государств-участников, располагающих национальным потенциалом для просвещения о рисках',
                'عدد الدول الأطراف التي لديها قدرة وطنية على تقديم التوعية بالمخاطر',
                '具备提供风险教育国家能力的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          32,
          ['risk-education', 'reporting'],
          tx(
            'Report on risk education activities and the people reached',
            "Rendre compte des activités d'éducation aux risques et des personnes atteintes",
            'Informar sobre las actividades de educación sobre el riesgo y las personas alcanzadas',
            'Сообщать о мероприятиях по просвещению о рисках и охваченных людях',
            'الإبلاغ عن أنشطة التوعية بالمخاطر والأشخاص الذين تم الوصول إليهم',
            '报告风险教育活动及覆盖人数',
          ),
          [
            count(
              tx(
                'Number of States Parties reporting risk education in their Article 7 report',
                "Nombre d'États parties rendant compte de l'éducation aux risques dans leur rapport au titre de l'article 7",
                'Número de Estados partes que informan sobre la educación sobre el riesgo en su informe del artículo 7',
                'Число государств-участников, освещающих просвещение о рисках в докладе по статье 7',
                'عدد الدول الأطراف التي تتناول التوعية بالمخاطر في تقريرها بموجب المادة 7',
                '在第7条报告中报告风险教育情况的缔约国数目',
              ),
            ),
          ],
        ),
      ],
    },
    {
      number: 'VII',
      title: VICTIM_ASSISTANCE,
      actions: [
        oap(
          33,
          ['victim-assistance'],
          tx(
            'Designate a national focal point for victim assistance',
            "Désigner un point focal national pour l'assistance aux victimes",
            'Designar un punto focal nacional para la asistencia a las víctimas',
            'Назначить национальный координационный центр по помощи жертвам',
            'تعيين جهة تنسيق وطنية لمساعدة الضحايا',
            '指定受害者援助国家协调中心',
          ),
          [
            count(
              tx(
                'Number of States Parties with a designated victim assistance focal point',
                "Nombre d'États parties ayant désigné un point focal pour l'assistance aux victimes",
                'Número de Estados partes con un punto focal designado para la asistencia a las víctimas',
                'Число государств-участников, назначивших координационный центр по помощи жертвам',
                'عدد الدول الأطراف التي عيّنت جهة تنسيق لمساعدة الضحايا',
                '已指定受害者援助协调中心的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          34,
          ['victim-assistance'],
          tx(
            'Adopt a time-bound national plan for victim assistance',
            "Adopter un plan national assorti d'échéances pour l'assistance aux victimes",
            'Adoptar un plan nacional con plazos para la asistencia a las víctimas',
            'Принять национальный план помощи жертвам с установленными сроками',
            'اعتماد خطة وطنية محددة زمنياً لمساعدة الضحايا',
            '通过有时限的受害者援助国家计划',
          ),
          [
            count(
              tx(
                'Number of States Parties with a national victim assistance plan in force',
                "Nombre d'États parties dotés d'un plan national d'assistance aux victimes en vigueur",
                'Número de Estados partes con un plan nacional de asistencia a las víctimas vigente',
                'Число государств-участников с действующим национальным планом помощи жертвам',
                'عدد الدول الأطراف التي لديها خطة وطنية نافذة لمساعدة الضحايا',
                '有现行受害者援助国家计划的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          35,
          ['victim-assistance', 'gender'],
          tx(
            'Collect data on casualties and survivors by sex, age and disability',
            'Recueillir des données sur les victimes et survivants ventilées par sexe, âge et handicap',
            'Recopilar datos sobre víctimas y supervivientes desglosados por sexo, edad y discapacidad',
            'Собирать данные о пострадавших и выживших в разбивке по полу, возрасту и инвалидности',
            'جمع بيانات عن الإصابات والناجين مصنفة حسب الجنس والعمر والإعاقة',
            '收集按性别、年龄和残疾分列的伤亡者和幸存者数据',
          ),
          [
            count(
              tx(
                'Number of States Parties reporting disaggregated casualty data',
                "Nombre d'États parties communiquant des données ventilées sur les victimes",
                'Número de Estados partes que comunican datos desglosados sobre víctimas',
                'Число государств-участников, представляющих дезагрегированные данные о пострадавших',
                'عدد الدول الأطراف التي تقدم بيانات مصنفة عن الإصابات',
                '报告分列伤亡数据的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          36,
          ['victim-assistance'],
          tx(
            'Ensure emergency and continuing medical care',
            'Garantir les soins médicaux d’urgence et continus',
            'Garantizar atención médica de emergencia y continuada',
            'Обеспечить экстренную и последующую медицинскую помощь',
            'ضمان الرعاية الطبية الطارئة والمستمرة',
            '确保紧急和持续的医疗护理',
          ),
          [
            count(
              tx(
                'Number of States Parties reporting on emergency and continuing medical care',
                "Nombre d'États parties rendant compte des soins médicaux d'urgence et continus",
                'Número de Estados partes que informan sobre la atención médica de emergencia y continuada',
                'Число государств-участников, сообщающих об экстренной и последующей медицинской помощи',
                'عدد الدول الأطراف التي تبلغ عن الرعاية الطبية الطارئة والمستمرة',
                '报告紧急和持续医疗护理情况的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          37,
          ['victim-assistance'],
          tx(
            'Provide rehabilitation, including prostheses and assistive devices',
            'Assurer la réadaptation, y compris prothèses et aides techniques',
            'Proporcionar rehabilitación, incluidas prótesis y ayudas técnicas',
            'Обеспечить реабилитацию, включая протезы и вспомогательные средства',
            'توفير إعادة التأهيل، بما في ذلك الأطراف الاصطناعية والأجهزة المساعدة',
            '提供康复服务，包括假肢和辅助器具',
          ),
          [
            count(
              tx(
                'Number of States Parties reporting on access to rehabilitation services',
                "Nombre d'États parties rendant compte de l'accès aux services de réadaptation",
                'Número de Estados partes que informan sobre el acceso a servicios de rehabilitación',
                'Число государств-участников, сообщающих о доступе к реабилитационным услугам',
                'عدد الدول الأطراف التي تبلغ عن الحصول على خدمات إعادة التأهيل',
                '报告康复服务获取情况的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          38,
          ['victim-assistance'],
          tx(
            'Offer psychological and peer support',
            'Offrir un soutien psychologique et un soutien par les pairs',
            'Ofrecer apoyo psicológico y apoyo entre pares',
            'Предоставлять психологическую поддержку и поддержку со стороны равных',
            'تقديم الدعم النفسي ودعم الأقران',
            '提供心理支持和同伴支持',
          ),
          [
            count(
              tx(
                'Number of States Parties reporting psychological or peer support services',
                "Nombre d'États parties faisant état de services de soutien psychologique ou par les pairs",
                'Número de Estados partes que informan de servicios de apoyo psicológico o entre pares',
                'Число государств-участников, сообщающих об услугах психологической поддержки или поддержки равных',
                'عدد الدول الأطراف التي تبلغ عن خدمات الدعم النفسي أو دعم الأقران',
                '报告心理支持或同伴支持服务的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          39,
          ['victim-assistance'],
          tx(
            'Support the social and economic inclusion of survivors',
            "Favoriser l'inclusion sociale et économique des survivants",
            'Apoyar la inclusión social y económica de los supervivientes',
            'Содействовать социальной и экономической интеграции выживших',
            'دعم الإدماج الاجتماعي والاقتصادي للناجين',
            '支持幸存者的社会和经济融入',
          ),
          [
            count(
              tx(
                "Number of States Parties reporting measures for survivors' economic inclusion",
                "Nombre d'États parties faisant état de mesures d'inclusion économique des survivants",
                'Número de Estados partes que informan de medidas de inclusión económica de los supervivientes',
                'Число государств-участников, сообщающих о мерах по экономической интеграции выживших',
                'عدد الدول الأطراف التي تبلغ عن تدابير الإدماج الاقتصادي للناجين',
                '报告幸存者经济融入措施的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          40,
          ['victim-assistance'],
          tx(
            "Protect survivors' rights and access to services without discrimination",
            'Protéger les droits des survivants et leur accès aux services sans discrimination',
            'Proteger los derechos de los supervivientes y su acceso a servicios sin discriminación',
            'Защищать права выживших и их доступ к услугам без дискриминации',
            'حماية حقوق الناجين وحصولهم على الخدمات دون تمييز',
            '保护幸存者的权利及其无歧视地获得服务',
          ),
          [
            count(
              tx(
                "Number of States Parties reporting laws or policies that protect survivors' rights",
                "Nombre d'États parties faisant état de lois ou politiques protégeant les droits des survivants",
                'Número de Estados partes que informan de leyes o políticas que protegen los derechos de los supervivientes',
                'Число государств-участников, сообщающих о законах или политике защиты прав выживших',
                'عدد الدول الأطراف التي تبلغ عن قوانين أو سياسات تحمي حقوق الناجين',
                '报告保护幸存者权利的法律或政策的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          41,
          ['victim-assistance'],
          tx(
            'Integrate victim assistance into health, disability and development frameworks',
            "Intégrer l'assistance aux victimes dans les cadres de santé, de handicap et de développement",
            'Integrar la asistencia a las víctimas en los marcos de salud, discapacidad y desarrollo',
            'Включать помощь жертвам в рамки здравоохранения, инвалидности и развития',
            'إدماج مساعدة الضحايا في أطر الصحة والإعاقة والتنمية',
            '将受害者援助纳入卫生、残疾和发展框架',
          ),
          [
            count(
              tx(
                'Number of States Parties integrating victim assistance into broader national frameworks',
                "Nombre d'États parties intégrant l'assistance aux victimes dans des cadres nationaux plus larges",
                'Número de Estados partes que integran la asistencia a las víctimas en marcos nacionales más amplios',
                'Число государств-участников, включающих помощь жертвам в более широкие национальные рамки',
                'عدد الدول الأطراف التي تدمج مساعدة الضحايا في أطر وطنية أوسع',
                '将受害者援助纳入更广泛国家框架的缔约国数目',
              ),
            ),
          ],
        ),
      ],
    },
    {
      number: 'VIII',
      title: COOPERATION,
      actions: [
        oap(
          42,
          ['cooperation'],
          tx(
            'Prepare resource mobilisation plans and make needs known through the Convention',
            'Préparer des plans de mobilisation des ressources et faire connaître les besoins via la Convention',
            'Preparar planes de movilización de recursos y dar a conocer las necesidades a través de la Convención',
            'Готовить планы мобилизации ресурсов и сообщать о потребностях через механизмы Конвенции',
            'إعداد خطط لتعبئة الموارد والتعريف بالاحتياجات عبر آليات الاتفاقية',
            '制定资源调动计划并通过《公约》渠道通报需求',
          ),
          [
            share(
              tx(
                'Share of States Parties seeking assistance that have a resource mobilisation plan',
                "Proportion d'États parties demandant une assistance qui disposent d'un plan de mobilisation des ressources",
                'Proporción de Estados partes que solicitan asistencia y cuentan con un plan de movilización de recursos',
                'Доля государств-участников, нуждающихся в помощи и имеющих план мобилизации ресурсов',
                'نسبة الدول الأطراف الطالبة للمساعدة التي لديها خطة لتعبئة الموارد',
                '寻求援助并制定了资源调动计划的缔约国比例',
              ),
            ),
            count(
              tx(
                'Number of States Parties that use the individualised approach',
                "Nombre d'États parties qui recourent à l'approche individualisée",
                'Número de Estados partes que recurren al enfoque individualizado',
                'Число государств-участников, использующих индивидуализированный подход',
                'عدد الدول الأطراف التي تستخدم النهج الفردي',
                '采用个别化方法的缔约国数目',
              ),
            ),
            share(
              tx(
                'Share of States Parties seeking assistance that describe their needs in Article 7 reports',
                "Proportion d'États parties demandant une assistance qui décrivent leurs besoins dans leurs rapports au titre de l'article 7",
                'Proporción de Estados partes que solicitan asistencia y describen sus necesidades en sus informes del artículo 7',
                'Доля государств-участников, нуждающихся в помощи и описывающих свои потребности в докладах по статье 7',
                'نسبة الدول الأطراف الطالبة للمساعدة التي تصف احتياجاتها في تقاريرها بموجب المادة 7',
                '寻求援助并在第7条报告中说明其需求的缔约国比例',
              ),
            ),
          ],
          tx(
            'States that need support plan how they will mobilise resources and present their challenges and needs through every Convention channel: Article 7 reports, the individualised approach and meetings.',
            "Les États qui ont besoin d'appui prévoient comment mobiliser des ressources et exposent leurs difficultés et besoins par tous les canaux de la Convention : rapports au titre de l'article 7, approche individualisée et réunions.",
            'Los Estados que necesitan apoyo planifican cómo movilizar recursos y exponen sus dificultades y necesidades por todos los cauces de la Convención: informes del artículo 7, enfoque individualizado y reuniones.',
            'Государства, нуждающиеся в поддержке, планируют мобилизацию ресурсов и сообщают о своих трудностях и потребностях через все каналы Конвенции: доклады по статье 7, индивидуализированный подход и совещания.',
            'تخطط الدول المحتاجة إلى الدعم لكيفية تعبئة الموارد، وتعرض تحدياتها واحتياجاتها عبر جميع قنوات الاتفاقية: تقارير المادة 7 والنهج الفردي والاجتماعات.',
            '需要支持的国家规划如何调动资源，并通过《公约》的所有渠道——第7条报告、个别化方法和会议——介绍其挑战和需求。',
          ),
        ),
        oap(
          43,
          ['cooperation'],
          tx(
            'Provide financial, technical or in-kind assistance, multi-year where possible',
            'Fournir une assistance financière, technique ou en nature, pluriannuelle si possible',
            'Prestar asistencia financiera, técnica o en especie, plurianual cuando sea posible',
            'Оказывать финансовую, техническую или натуральную помощь, по возможности многолетнюю',
            'تقديم مساعدة مالية أو تقنية أو عينية، متعددة السنوات حيثما أمكن',
            '提供资金、技术或实物援助，尽可能为多年期援助',
          ),
          [
            count(
              tx(
                'Number of States Parties that provide assistance',
                "Nombre d'États parties qui fournissent une assistance",
                'Número de Estados partes que prestan asistencia',
                'Число государств-участников, оказывающих помощь',
                'عدد الدول الأطراف التي تقدم المساعدة',
                '提供援助的缔约国数目',
              ),
            ),
            {
              measure: null,
              title: tx(
                'Amount of assistance reported, by recipient and sector',
                "Montant de l'assistance déclarée, par bénéficiaire et par secteur",
                'Importe de la asistencia notificada, por beneficiario y sector',
                'Объём заявленной помощи по получателям и секторам',
                'مقدار المساعدة المبلغ عنها، حسب الجهة المستفيدة والقطاع',
                '所报告的援助金额（按受援方和部门分列）',
              ),
            },
          ],
          tx(
            'States in a position to help give financial, technical or in-kind support to States implementing their obligations, preferably over several years and in line with national plans.',
            'Les États qui en ont les moyens apportent un appui financier, technique ou en nature aux États qui mettent en œuvre leurs obligations, de préférence sur plusieurs années et en accord avec les plans nationaux.',
            'Los Estados en condiciones de ayudar prestan apoyo financiero, técnico o en especie a los Estados que cumplen sus obligaciones, preferiblemente durante varios años y en consonancia con los planes nacionales.',
            'Государства, имеющие такую возможность, оказывают финансовую, техническую или натуральную поддержку государствам, выполняющим свои обязательства, предпочтительно на многолетней основе и в соответствии с национальными планами.',
            'تقدم الدول القادرة على المساعدة دعماً مالياً أو تقنياً أو عينياً للدول التي تنفذ التزاماتها، ويُفضّل أن يكون على مدى عدة سنوات ومتسقاً مع الخطط الوطنية.',
            '有能力的国家向履行义务的国家提供资金、技术或实物支持，最好为多年期并与国家计划保持一致。',
          ),
        ),
        oap(
          44,
          ['cooperation'],
          tx(
            'Strengthen partnerships and share expertise, including South–South cooperation',
            "Renforcer les partenariats et partager l'expertise, y compris par la coopération Sud-Sud",
            'Fortalecer las alianzas y compartir conocimientos, incluida la cooperación Sur-Sur',
            'Укреплять партнёрства и обмениваться опытом, в том числе в рамках сотрудничества Юг–Юг',
            'تعزيز الشراكات وتبادل الخبرات، بما في ذلك التعاون بين بلدان الجنوب',
            '加强伙伴关系并分享专门知识，包括南南合作',
          ),
          [
            count(
              tx(
                'Number of States Parties engaged in South–South, regional or triangular cooperation',
                "Nombre d'États parties engagés dans une coopération Sud-Sud, régionale ou triangulaire",
                'Número de Estados partes que participan en cooperación Sur-Sur, regional o triangular',
                'Число государств-участников, участвующих в сотрудничестве Юг–Юг, региональном или трёхстороннем сотрудничестве',
                'عدد الدول الأطراف المشاركة في التعاون بين بلدان الجنوب أو التعاون الإقليمي أو الثلاثي',
                '参与南南合作、区域合作或三方合作的缔约国数目',
              ),
            ),
            count(
              tx(
                'Number of States Parties sharing equipment, expertise or good practice',
                "Nombre d'États parties qui partagent équipements, expertise ou bonnes pratiques",
                'Número de Estados partes que comparten equipos, conocimientos o buenas prácticas',
                'Число государств-участников, обменивающихся оборудованием, опытом или передовой практикой',
                'عدد الدول الأطراف التي تتقاسم المعدات أو الخبرات أو الممارسات الجيدة',
                '分享设备、专门知识或良好做法的缔约国数目',
              ),
            ),
          ],
          tx(
            'All States strengthen partnerships and exchange expertise, equipment and good practice, including through South–South, regional and triangular cooperation.',
            'Tous les États renforcent les partenariats et échangent expertise, équipements et bonnes pratiques, notamment par la coopération Sud-Sud, régionale et triangulaire.',
            'Todos los Estados fortalecen las alianzas e intercambian conocimientos, equipos y buenas prácticas, también mediante la cooperación Sur-Sur, regional y triangular.',
            'Все государства укрепляют партнёрства и обмениваются опытом, оборудованием и передовой практикой, в том числе в рамках сотрудничества Юг–Юг, регионального и трёхстороннего сотрудничества.',
            'تعزز جميع الدول الشراكات وتتبادل الخبرات والمعدات والممارسات الجيدة، بما في ذلك عبر التعاون بين بلدان الجنوب والتعاون الإقليمي والثلاثي.',
            '所有国家加强伙伴关系，交流专门知识、设备和良好做法，包括通过南南合作、区域合作和三方合作。',
          ),
        ),
        oap(
          45,
          ['cooperation', 'gender'],
          tx(
            'Set up an inclusive national platform for dialogue on mine action',
            "Mettre en place une plateforme nationale inclusive de dialogue sur l'action contre les mines",
            'Crear una plataforma nacional inclusiva de diálogo sobre la acción contra las minas',
            'Создать инклюзивную национальную платформу для диалога по противоминной деятельности',
            'إنشاء منصة وطنية شاملة للحوار بشأن الأعمال المتعلقة بالألغام',
            '建立包容性的排雷行动国家对话平台',
          ),
          [
            share(
              tx(
                'Share of affected States Parties with a functioning national platform',
                "Proportion d'États parties touchés dotés d'une plateforme nationale opérationnelle",
                'Proporción de Estados partes afectados con una plataforma nacional en funcionamiento',
                'Доля затронутых государств-участников с действующей национальной платформой',
                'نسبة الدول الأطراف المتضررة التي لديها منصة وطنية عاملة',
                '拥有运作中国家平台的受影响缔约国比例',
              ),
            ),
            count(
              tx(
                'Number of national platforms that include women and diverse groups',
                'Nombre de plateformes nationales associant les femmes et des groupes divers',
                'Número de plataformas nacionales que incluyen a mujeres y a grupos diversos',
                'Число национальных платформ с участием женщин и различных групп',
                'عدد المنصات الوطنية التي تضم النساء وفئات متنوعة',
                '有妇女和多样化群体参与的国家平台数目',
              ),
            ),
          ],
          tx(
            'Affected States set up, where relevant, a national platform for regular, inclusive and gender-balanced dialogue between national authorities, donors, operators, the United Nations and civil society.',
            'Les États touchés mettent en place, le cas échéant, une plateforme nationale de dialogue régulier, inclusif et équilibré entre les genres réunissant autorités nationales, donateurs, opérateurs, Nations Unies et société civile.',
            'Los Estados afectados crean, cuando proceda, una plataforma nacional de diálogo periódico, inclusivo y con equilibrio de género entre autoridades nacionales, donantes, operadores, las Naciones Unidas y la sociedad civil.',
            'Затронутые государства при необходимости создают национальную платформу для регулярного, инклюзивного и гендерно сбалансированного диалога между национальными органами, донорами, операторами, Организацией Объединённых Наций и гражданским обществом.',
            'تنشئ الدول المتضررة، عند الاقتضاء، منصة وطنية لحوار منتظم وشامل ومتوازن بين الجنسين يجمع السلطات الوطنية والمانحين والمشغلين والأمم المتحدة والمجتمع المدني.',
            '受影响国家酌情建立国家平台，供国家当局、捐助方、作业方、联合国和民间社会开展定期、包容和性别均衡的对话。',
          ),
        ),
        oap(
          46,
          ['cooperation'],
          tx(
            'Link mine action with humanitarian, development and peace efforts',
            "Relier l'action contre les mines aux efforts humanitaires, de développement et de paix",
            'Vincular la acción contra las minas con los esfuerzos humanitarios, de desarrollo y de paz',
            'Увязывать противоминную деятельность с гуманитарными усилиями, развитием и миростроительством',
            'ربط الأعمال المتعلقة بالألغام بالجهود الإنسانية والإنمائية وجهود السلام',
            '将排雷行动与人道主义、发展与和平努力相结合',
          ),
          [
            count(
              tx(
                'Number of States Parties integrating mine action into humanitarian, development or peace plans',
                "Nombre d'États parties intégrant l'action contre les mines dans des plans humanitaires, de développement ou de paix",
                'Número de Estados partes que integran la acción contra las minas en planes humanitarios, de desarrollo o de paz',
                'Число государств-участников, включающих противоминную деятельность в гуманитарные планы, планы развития или миростроительства',
                'عدد الدول الأطراف التي تدمج الأعمال المتعلقة بالألغام في الخطط الإنسانية أو الإنمائية أو خطط السلام',
                '将排雷行动纳入人道主义、发展或和平计划的缔约国数目',
              ),
            ),
          ],
          tx(
            'Mine action support is coordinated with humanitarian, development, peace-building, human-rights and disability efforts, and linked to the Sustainable Development Goals.',
            "L'appui à l'action contre les mines est coordonné avec les efforts humanitaires, de développement, de consolidation de la paix, de droits humains et de handicap, et relié aux objectifs de développement durable.",
            'El apoyo a la acción contra las minas se coordina con los esfuerzos humanitarios, de desarrollo, de consolidación de la paz, de derechos humanos y de discapacidad, y se vincula con los Objetivos de Desarrollo Sostenible.',
            'Поддержка противоминной деятельности координируется с гуманитарными усилиями, развитием, миростроительством, правами человека и деятельностью в интересах инвалидов и увязывается с Целями в области устойчивого развития.',
            'يُنسَّق دعم الأعمال المتعلقة بالألغام مع الجهود الإنسانية والإنمائية وجهود بناء السلام وحقوق الإنسان والإعاقة، ويُربط بأهداف التنمية المستدامة.',
            '排雷行动支持与人道主义、发展、建设和平、人权和残疾领域的工作相协调，并与可持续发展目标相联系。',
          ),
        ),
        oap(
          47,
          ['cooperation', 'gender'],
          tx(
            'Take gender and diverse needs into account in cooperation and assistance',
            "Tenir compte du genre et des besoins divers dans la coopération et l'assistance",
            'Tener en cuenta el género y las diversas necesidades en la cooperación y la asistencia',
            'Учитывать гендерные аспекты и разнообразные потребности в сотрудничестве и помощи',
            'مراعاة المنظور الجنساني والاحتياجات المتنوعة في التعاون والمساعدة',
            '在合作与援助中考虑性别和多样化需求',
          ),
          [
            count(
              tx(
                'Number of States Parties reporting gender- and diversity-sensitive cooperation',
                "Nombre d'États parties faisant état d'une coopération tenant compte du genre et de la diversité",
                'Número de Estados partes que informan de una cooperación que tiene en cuenta el género y la diversidad',
                'Число государств-участников, сообщающих о сотрудничестве с учётом гендерных аспектов и разнообразия',
                'عدد الدول الأطراف التي تبلغ عن تعاون يراعي المنظور الجنساني والتنوع',
                '报告顾及性别和多样性的合作的缔约国数目',
              ),
            ),
            count(
              tx(
                'Number of States Parties sharing disaggregated data with partners',
                "Nombre d'États parties qui partagent des données ventilées avec leurs partenaires",
                'Número de Estados partes que comparten datos desglosados con sus asociados',
                'Число государств-участников, предоставляющих партнёрам дезагрегированные данные',
                'عدد الدول الأطراف التي تتبادل بيانات مصنفة مع شركائها',
                '与伙伴共享分列数据的缔约国数目',
              ),
            ),
          ],
          tx(
            'Cooperation and assistance take gender and the diverse needs of affected communities into account, and stakeholders share the information this requires.',
            'La coopération et l’assistance tiennent compte du genre et des besoins divers des communautés touchées, et les parties prenantes partagent les informations nécessaires.',
            'La cooperación y la asistencia tienen en cuenta el género y las diversas necesidades de las comunidades afectadas, y las partes interesadas comparten la información necesaria.',
            'Сотрудничество и помощь учитывают гендерные аспекты и разнообразные потребности пострадавших общин, а заинтересованные стороны обмениваются необходимой для этого информацией.',
            'يراعي التعاون والمساعدة المنظور الجنساني والاحتياجات المتنوعة للمجتمعات المتضررة، ويتبادل أصحاب المصلحة المعلومات اللازمة لذلك.',
            '合作与援助考虑性别和受影响社区的多样化需求，利益攸关方分享为此所需的信息。',
          ),
        ),
      ],
    },
    {
      number: 'IX',
      title: tx(
        'Measures to ensure compliance',
        'Mesures visant à garantir le respect des obligations',
        'Medidas para garantizar el cumplimiento',
        'Меры по обеспечению соблюдения',
        'تدابير ضمان الامتثال',
        '确保遵约的措施',
      ),
      actions: [
        oap(
          48,
          ['compliance', 'reporting'],
          tx(
            'Submit the annual transparency report by 30 April',
            'Remettre le rapport annuel sur la transparence au plus tard le 30 avril',
            'Presentar el informe anual de transparencia a más tardar el 30 de abril',
            'Представлять ежегодный доклад о мерах транспарентности до 30 апреля',
            'تقديم تقرير الشفافية السنوي في موعد أقصاه 30 نيسان/أبريل',
            '在4月30日前提交年度透明度报告',
          ),
          [
            share(
              tx(
                'Share of States Parties that submit their annual report by 30 April',
                "Proportion d'États parties qui remettent leur rapport annuel au plus tard le 30 avril",
                'Proporción de Estados partes que presentan su informe anual a más tardar el 30 de abril',
                'Доля государств-участников, представивших ежегодный доклад до 30 апреля',
                'نسبة الدول الأطراف التي تقدم تقريرها السنوي في موعد أقصاه 30 نيسان/أبريل',
                '在4月30日前提交年度报告的缔约国比例',
              ),
            ),
          ],
        ),
        oap(
          49,
          ['compliance'],
          tx(
            'Adopt national implementation measures, including penal sanctions',
            "Adopter des mesures nationales d'application, y compris des sanctions pénales",
            'Adoptar medidas nacionales de aplicación, incluidas sanciones penales',
            'Принять национальные меры по осуществлению, включая уголовные санкции',
            'اعتماد تدابير تنفيذ وطنية، بما فيها جزاءات جنائية',
            '采取国家执行措施，包括刑事制裁',
          ),
          [
            count(
              tx(
                'Number of States Parties that have adopted national implementation legislation',
                "Nombre d'États parties ayant adopté une législation nationale d'application",
                'Número de Estados partes que han adoptado legislación nacional de aplicación',
                'Число государств-участников, принявших национальное законодательство об осуществлении',
                'عدد الدول الأطراف التي اعتمدت تشريعات وطنية للتنفيذ',
                '已通过国家执行立法的缔约国数目',
              ),
            ),
          ],
        ),
        oap(
          50,
          ['compliance'],
          tx(
            'Address compliance concerns in a cooperative and transparent way',
            'Traiter les préoccupations relatives au respect de manière coopérative et transparente',
            'Abordar las cuestiones de cumplimiento de forma cooperativa y transparente',
            'Решать вопросы соблюдения в духе сотрудничества и транспарентности',
            'معالجة المخاوف المتعلقة بالامتثال بطريقة تعاونية وشفافة',
            '以合作和透明的方式处理遵约关切',
          ),
          [
            count(
              tx(
                'Number of compliance concerns addressed through cooperative dialogue',
                'Nombre de préoccupations relatives au respect traitées par un dialogue coopératif',
                'Número de cuestiones de cumplimiento abordadas mediante un diálogo cooperativo',
                'Число вопросов соблюдения, решённых путём диалога в духе сотрудничества',
                'عدد المخاوف المتعلقة بالامتثال التي عولجت عبر حوار تعاوني',
                '通过合作对话处理的遵约关切数目',
              ),
            ),
          ],
        ),
      ],
    },
  ],
};

/** A Siem Reap–Angkor victim-assistance action whose number is known and whose content the ISU is to write. */
function sraapPlaceholder(number: number): ReferenceAction {
  return {
    number,
    themes: ['victim-assistance', 'to-complete'],
    title: tx(
      'Victim assistance — title to be completed by the ISU',
      "Assistance aux victimes — intitulé à compléter par l'ISU",
      'Asistencia a las víctimas — título pendiente, a cargo de la Dependencia de Apoyo a la Aplicación',
      'Помощь жертвам — название дополнит Группа имплементационной поддержки',
      'مساعدة الضحايا — عنوان تستكمله وحدة دعم التنفيذ',
      '受害者援助——标题待执行支助股补充',
    ),
    indicators: [],
  };
}

export const SIEM_REAP_ANGKOR_ACTION_PLAN: ReferencePlan = {
  id: 'siem-reap-angkor-2024',
  code: 'SRAAP',
  title: tx(
    'Siem Reap–Angkor Action Plan 2025–2029',
    "Plan d'action de Siem Reap-Angkor 2025-2029",
    'Plan de Acción de Siem Reap-Angkor 2025-2029',
    'План действий Сиемреап–Ангкор на 2025–2029 годы',
    'خطة عمل سييم ريب - أنغكور 2025-2029',
    '2025—2029年暹粒-吴哥行动计划',
  ),
  periodStart: 2025,
  periodEnd: 2029,
  adoptedOn: '2024-11-29',
  adoptedAt: tx(
    'Fifth Review Conference, Siem Reap',
    "Cinquième Conférence d'examen, Siem Reap",
    'Quinta Conferencia de Examen, Siem Reap',
    'Пятая обзорная конференция, Сиемреап',
    'المؤتمر الاستعراضي الخامس، سييم ريب',
    '第五次审议会议，暹粒',
  ),
  sortOrder: 2,
  // Grouped by theme; the numbers are provisional until the ISU enters the plan's own structure.
  sections: [
    {
      number: '1',
      title: tx(
        'Best practices and cross-cutting commitments',
        'Meilleures pratiques et engagements transversaux',
        'Mejores prácticas y compromisos transversales',
        'Передовая практика и сквозные обязательства',
        'أفضل الممارسات والالتزامات الشاملة',
        '最佳做法和跨领域承诺',
      ),
      actions: [],
    },
    { number: '2', title: UNIVERSALISATION, actions: [] },
    { number: '3', title: STOCKPILES, actions: [] },
    { number: '4', title: SURVEY_CLEARANCE, actions: [] },
    { number: '5', title: RISK_EDUCATION, actions: [] },
    { number: '6', title: VICTIM_ASSISTANCE, actions: [30, 31, 32, 33, 34, 35, 36, 37, 38, 39].map(sraapPlaceholder) },
    { number: '7', title: COOPERATION, actions: [] },
    {
      number: '8',
      title: tx('Compliance and transparency', 'Respect des obligations et transparence', 'Cumplimiento y transparencia', 'Соблюдение и транспарентность', 'الامتثال والشفافية', '遵约和透明度'),
      actions: [],
    },
  ],
};

export const REFERENCE_PLANS: ReferencePlan[] = [OSLO_ACTION_PLAN, SIEM_REAP_ANGKOR_ACTION_PLAN];
