/**
 * The words of the demo questionnaires, written for this platform in its six languages (facts
 * from the Committee's 2023 year: a questionnaire to national mine action programme directors
 * and donor States, circulated on 1 May 2023, on past and ongoing cooperation and assistance
 * under Oslo actions 42–47, gender and diversity included). Nothing here is quoted from the
 * Committee's documents.
 */
import type { QuestionnaireContent, Texts } from '../content.ts';

export const CA_SURVEY_TITLE: Texts = {
  en: 'Cooperation and assistance, gender and diversity: 2023 survey (demo)',
  fr: 'Coopération et assistance, genre et diversité : enquête 2023 (démo)',
  es: 'Cooperación y asistencia, género y diversidad: encuesta 2023 (demo)',
  ar: 'التعاون والمساعدة والنوع الاجتماعي والتنوع: استبيان 2023 (تجريبي)',
  ru: 'Сотрудничество и помощь, гендер и многообразие: опрос 2023 года (демо)',
  zh: '合作与援助、性别与多样性：2023 年调查（演示）',
};

export const CA_SURVEY_DESCRIPTION: Texts = {
  en: 'The Committee on the Enhancement of Cooperation and Assistance asks national mine action programme directors and donor States how support has worked since 2019, to measure progress on Oslo actions 42 to 47 before the Fifth Review Conference. Demo data.',
  fr: 'Le Comité sur le renforcement de la coopération et de l’assistance demande aux directeurs des programmes nationaux d’action contre les mines et aux États donateurs comment le soutien a fonctionné depuis 2019, afin de mesurer les progrès sur les actions 42 à 47 d’Oslo avant la cinquième Conférence d’examen. Données de démonstration.',
  es: 'El Comité sobre la Mejora de la Cooperación y la Asistencia pregunta a los directores de los programas nacionales de acción contra las minas y a los Estados donantes cómo ha funcionado el apoyo desde 2019, para medir los avances en las acciones 42 a 47 de Oslo antes de la Quinta Conferencia de Examen. Datos de demostración.',
  ar: 'تسأل لجنة تعزيز التعاون والمساعدة مديري البرامج الوطنية للأعمال المتعلقة بالألغام والدول المانحة عن سير الدعم منذ عام 2019، لقياس التقدم المحرز في إجراءات أوسلو من 42 إلى 47 قبل المؤتمر الاستعراضي الخامس. بيانات تجريبية.',
  ru: 'Комитет по укреплению сотрудничества и помощи спрашивает руководителей национальных программ противоминной деятельности и государства-доноры, как работала поддержка с 2019 года, чтобы оценить прогресс по действиям 42–47 Плана действий Осло до пятой обзорной конференции. Демонстрационные данные.',
  zh: '加强合作与援助委员会向各国排雷行动方案负责人和捐助国了解 2019 年以来援助的实际情况，以便在第五次审议会议之前衡量奥斯陆行动 42 至 47 的进展。演示数据。',
};

const yes = (en: string, fr: string, es: string, ar: string, ru: string, zh: string): Texts => ({ en, fr, es, ar, ru, zh });

export const CA_SURVEY_CONTENT: QuestionnaireContent = {
  sections: [
    {
      id: 'support',
      title: yes('Cooperation and assistance', 'Coopération et assistance', 'Cooperación y asistencia', 'التعاون والمساعدة', 'Сотрудничество и помощь', '合作与援助'),
      intro: yes(
        'Answer for your State as a whole: support received if your State is affected, support provided if it is a donor.',
        'Répondez pour l’ensemble de votre État : soutien reçu si votre État est touché, soutien apporté s’il est donateur.',
        'Responda por su Estado en su conjunto: apoyo recibido si su Estado está afectado, apoyo prestado si es donante.',
        'أجيبوا باسم دولتكم ككل: الدعم المتلقى إن كانت دولتكم متأثرة، والدعم المقدم إن كانت مانحة.',
        'Отвечайте от имени государства в целом: полученная поддержка, если государство затронуто, оказанная — если оно донор.',
        '请代表贵国整体作答：受影响国家填写所获援助，捐助国填写所提供援助。',
      ),
      questions: [
        {
          id: 'received',
          type: 'yesno',
          required: true,
          actions: ['OAP-43'],
          label: yes(
            'Since the Fourth Review Conference (2019), has your State received or provided international support for mine action?',
            'Depuis la quatrième Conférence d’examen (2019), votre État a-t-il reçu ou apporté un soutien international à l’action contre les mines ?',
            'Desde la Cuarta Conferencia de Examen (2019), ¿ha recibido o prestado su Estado apoyo internacional para la acción contra las minas?',
            'منذ المؤتمر الاستعراضي الرابع (2019)، هل تلقت دولتكم أو قدمت دعمًا دوليًا للأعمال المتعلقة بالألغام؟',
            'Получало ли или оказывало ли ваше государство международную поддержку противоминной деятельности после четвертой обзорной конференции (2019 год)?',
            '自第四次审议会议（2019 年）以来，贵国是否接受或提供过排雷行动国际援助？',
          ),
        },
        {
          id: 'amount',
          type: 'number',
          min: 0,
          showIf: { question: 'received', in: ['yes'] },
          actions: ['OAP-43'],
          unit: yes('USD', 'USD', 'USD', 'دولار أمريكي', 'долл. США', '美元'),
          label: yes(
            'Approximate amount received or provided in 2022',
            'Montant approximatif reçu ou apporté en 2022',
            'Importe aproximado recibido o prestado en 2022',
            'المبلغ التقريبي المتلقى أو المقدم في عام 2022',
            'Примерная сумма, полученная или предоставленная в 2022 году',
            '2022 年接受或提供的大致金额',
          ),
        },
        {
          id: 'forms',
          type: 'multiple',
          showIf: { question: 'received', in: ['yes'] },
          actions: ['OAP-43', 'OAP-44'],
          label: yes('What forms did the support take?', 'Quelles formes le soutien a-t-il prises ?', '¿Qué formas adoptó el apoyo?', 'ما أشكال الدعم؟', 'В каких формах оказывалась поддержка?', '援助采取了哪些形式？'),
          options: [
            { value: 'funding', label: yes('Funding', 'Financement', 'Financiación', 'تمويل', 'Финансирование', '资金') },
            { value: 'equipment', label: yes('Equipment', 'Équipement', 'Equipo', 'معدات', 'Оборудование', '设备') },
            { value: 'training', label: yes('Training', 'Formation', 'Capacitación', 'تدريب', 'Обучение', '培训') },
            { value: 'expertise', label: yes('Technical advice and expertise', 'Conseil technique et expertise', 'Asesoramiento técnico y experiencia', 'مشورة وخبرة تقنية', 'Технические консультации и экспертиза', '技术咨询与专业知识') },
            { value: 'south_south', label: yes('South–South or regional exchange', 'Échanges Sud-Sud ou régionaux', 'Intercambio Sur-Sur o regional', 'تبادل بين بلدان الجنوب أو تبادل إقليمي', 'Обмен по линии Юг — Юг или региональный обмен', '南南或区域交流') },
          ],
        },
        {
          id: 'duration',
          type: 'single',
          actions: ['OAP-43'],
          label: yes('How is most of the support agreed?', 'Comment la plus grande partie du soutien est-elle convenue ?', '¿Cómo se acuerda la mayor parte del apoyo?', 'كيف يُتفق على معظم الدعم؟', 'На какой срок согласуется основная часть поддержки?', '大部分援助是如何约定的？'),
          options: [
            { value: 'one_year', label: yes('One year at a time', 'Une année à la fois', 'Año por año', 'سنة بسنة', 'На один год', '逐年约定') },
            { value: 'multi_year', label: yes('Several years at once', 'Plusieurs années à la fois', 'Varios años a la vez', 'عدة سنوات دفعة واحدة', 'Сразу на несколько лет', '一次约定多年') },
            { value: 'mixed', label: yes('Both', 'Les deux', 'Ambos', 'كلاهما', 'И так, и так', '两者都有') },
          ],
        },
        {
          id: 'plan',
          type: 'yesno',
          actions: ['OAP-42'],
          label: yes(
            'Does your State have a resource mobilisation plan or funding strategy for mine action?',
            'Votre État dispose-t-il d’un plan de mobilisation des ressources ou d’une stratégie de financement de l’action contre les mines ?',
            '¿Dispone su Estado de un plan de movilización de recursos o de una estrategia de financiación de la acción contra las minas?',
            'هل لدى دولتكم خطة لتعبئة الموارد أو استراتيجية لتمويل الأعمال المتعلقة بالألغام؟',
            'Есть ли у вашего государства план мобилизации ресурсов или стратегия финансирования противоминной деятельности?',
            '贵国是否有排雷行动资源调动计划或供资战略？',
          ),
        },
        {
          id: 'plan_updated',
          type: 'date',
          showIf: { question: 'plan', in: ['yes'] },
          label: yes('When was it last updated?', 'Quand a-t-il été mis à jour pour la dernière fois ?', '¿Cuándo se actualizó por última vez?', 'متى حُدّثت آخر مرة؟', 'Когда он обновлялся в последний раз?', '最近一次更新是什么时候？'),
        },
      ],
    },
    {
      id: 'coordination',
      title: yes('Coordination and dialogue', 'Coordination et dialogue', 'Coordinación y diálogo', 'التنسيق والحوار', 'Координация и диалог', '协调与对话'),
      questions: [
        {
          id: 'platform',
          type: 'single',
          actions: ['OAP-45'],
          label: yes(
            'Is there a national platform where authorities, donors, operators and civil society discuss mine action?',
            'Existe-t-il une plateforme nationale où autorités, donateurs, opérateurs et société civile débattent de l’action contre les mines ?',
            '¿Existe una plataforma nacional en la que autoridades, donantes, operadores y sociedad civil debatan sobre la acción contra las minas?',
            'هل توجد منصة وطنية تتحاور فيها السلطات والجهات المانحة والمشغلون والمجتمع المدني بشأن الأعمال المتعلقة بالألغام؟',
            'Существует ли национальная платформа, где органы власти, доноры, операторы и гражданское общество обсуждают противоминную деятельность?',
            '是否有一个由当局、捐助方、作业方和民间社会共同讨论排雷行动的国家平台？',
          ),
          options: [
            { value: 'regular', label: yes('Yes, it meets regularly', 'Oui, elle se réunit régulièrement', 'Sí, se reúne periódicamente', 'نعم، وتجتمع بانتظام', 'Да, она регулярно собирается', '有，并定期开会') },
            { value: 'occasional', label: yes('Yes, it meets now and then', 'Oui, elle se réunit de temps en temps', 'Sí, se reúne de vez en cuando', 'نعم، وتجتمع من حين لآخر', 'Да, она собирается время от времени', '有，但偶尔开会') },
            { value: 'planned', label: yes('Not yet, one is planned', 'Pas encore, elle est prévue', 'Todavía no, está prevista', 'ليس بعد، وهي مقررة', 'Пока нет, она планируется', '尚无，正在筹划') },
            { value: 'none', label: yes('No', 'Non', 'No', 'لا', 'Нет', '没有') },
          ],
        },
        {
          id: 'meetings',
          type: 'table',
          maxRows: 20,
          actions: ['OAP-45', 'OAP-47'],
          label: yes(
            'Coordination meetings held in 2022',
            'Réunions de coordination tenues en 2022',
            'Reuniones de coordinación celebradas en 2022',
            'اجتماعات التنسيق المعقودة في عام 2022',
            'Координационные совещания, проведенные в 2022 году',
            '2022 年举行的协调会议',
          ),
          columns: [
            { id: 'topic', type: 'short_text', label: yes('Topic', 'Sujet', 'Tema', 'الموضوع', 'Тема', '主题') },
            { id: 'held_on', type: 'date', label: yes('Date', 'Date', 'Fecha', 'التاريخ', 'Дата', '日期') },
            { id: 'participants', type: 'number', min: 0, label: yes('Participants', 'Participants', 'Participantes', 'المشاركون', 'Участники', '与会人数') },
            { id: 'women', type: 'number', min: 0, label: yes('Of whom women', 'Dont femmes', 'De ellos, mujeres', 'منهم نساء', 'Из них женщин', '其中女性') },
          ],
        },
        {
          id: 'challenges',
          type: 'long_text',
          maxLength: 4000,
          actions: ['OAP-42'],
          label: yes(
            'What are the main challenges in cooperation and assistance?',
            'Quelles sont les principales difficultés en matière de coopération et d’assistance ?',
            '¿Cuáles son las principales dificultades en materia de cooperación y asistencia?',
            'ما التحديات الرئيسية في مجال التعاون والمساعدة؟',
            'Каковы основные трудности в сфере сотрудничества и помощи?',
            '合作与援助方面的主要挑战是什么？',
          ),
        },
      ],
    },
    {
      id: 'gender',
      title: yes('Gender and diversity', 'Genre et diversité', 'Género y diversidad', 'النوع الاجتماعي والتنوع', 'Гендер и многообразие', '性别与多样性'),
      questions: [
        {
          id: 'integrated',
          type: 'yesno',
          required: true,
          actions: ['OAP-47'],
          label: yes(
            'Are gender and the diverse needs of affected communities taken into account in the cooperation your State receives or provides?',
            'Le genre et les besoins divers des communautés touchées sont-ils pris en compte dans la coopération que votre État reçoit ou apporte ?',
            '¿Se tienen en cuenta el género y las diversas necesidades de las comunidades afectadas en la cooperación que su Estado recibe o presta?',
            'هل يؤخذ النوع الاجتماعي والاحتياجات المتنوعة للمجتمعات المتأثرة في الاعتبار في التعاون الذي تتلقاه دولتكم أو تقدمه؟',
            'Учитываются ли гендерные аспекты и различные потребности затронутых общин в сотрудничестве, которое ваше государство получает или оказывает?',
            '贵国接受或提供的合作是否考虑了性别以及受影响社区的多样化需求？',
          ),
        },
        {
          id: 'how',
          type: 'multiple',
          showIf: { question: 'integrated', in: ['yes'] },
          actions: ['OAP-47'],
          label: yes('How?', 'Comment ?', '¿Cómo?', 'كيف؟', 'Каким образом?', '如何考虑？'),
          options: [
            { value: 'sadd', label: yes('Data broken down by sex and age', 'Données ventilées par sexe et par âge', 'Datos desglosados por sexo y edad', 'بيانات مصنفة حسب الجنس والعمر', 'Данные в разбивке по полу и возрасту', '按性别和年龄分列的数据') },
            { value: 'consultation', label: yes('Women, girls, boys and men are consulted', 'Les femmes, les filles, les garçons et les hommes sont consultés', 'Se consulta a mujeres, niñas, niños y hombres', 'استشارة النساء والفتيات والفتيان والرجال', 'Проводятся консультации с женщинами, девочками, мальчиками и мужчинами', '征求妇女、女童、男童和男子的意见') },
            { value: 'teams', label: yes('Gender-balanced teams', 'Équipes paritaires', 'Equipos con equilibrio de género', 'أفرقة متوازنة بين الجنسين', 'Сбалансированные по полу группы', '性别均衡的团队') },
            { value: 'criteria', label: yes('Gender criteria in funding decisions', 'Critères de genre dans les décisions de financement', 'Criterios de género en las decisiones de financiación', 'معايير جنسانية في قرارات التمويل', 'Гендерные критерии при принятии решений о финансировании', '供资决定中的性别标准') },
          ],
        },
        {
          id: 'example',
          type: 'short_text',
          maxLength: 300,
          label: yes('One example of good practice', 'Un exemple de bonne pratique', 'Un ejemplo de buena práctica', 'مثال واحد على الممارسات الجيدة', 'Один пример передовой практики', '一个良好做法的例子'),
        },
        {
          id: 'comments',
          type: 'long_text',
          maxLength: 4000,
          label: yes(
            'Is there anything else the Committee should know?',
            'Y a-t-il autre chose que le Comité devrait savoir ?',
            '¿Hay algo más que el Comité deba saber?',
            'هل هناك أي أمر آخر ينبغي أن تعرفه اللجنة؟',
            'Есть ли что-то еще, что следует знать Комитету?',
            '还有什么需要委员会了解的吗？',
          ),
        },
      ],
    },
  ],
};

export const PLATFORMS_TITLE: Texts = {
  en: 'National mine action platforms: follow-up (demo)',
  fr: 'Plateformes nationales d’action contre les mines : suivi (démo)',
  es: 'Plataformas nacionales de acción contra las minas: seguimiento (demo)',
  ar: 'المنصات الوطنية للأعمال المتعلقة بالألغام: متابعة (تجريبي)',
  ru: 'Национальные платформы противоминной деятельности: последующие меры (демо)',
  zh: '国家排雷行动平台：后续调查（演示）',
};

export const PLATFORMS_DESCRIPTION: Texts = {
  en: 'A short follow-up on national platforms for dialogue (Oslo action 45). Open now, so the demo has something to answer.',
  fr: 'Un bref suivi sur les plateformes nationales de dialogue (action 45 d’Oslo). Ouvert maintenant, pour que la démo ait quelque chose à remplir.',
  es: 'Un breve seguimiento sobre las plataformas nacionales de diálogo (acción 45 de Oslo). Abierto ahora, para que la demo tenga algo que responder.',
  ar: 'متابعة قصيرة بشأن المنصات الوطنية للحوار (إجراء أوسلو 45). مفتوح الآن ليكون في العرض التجريبي ما يمكن الإجابة عنه.',
  ru: 'Краткий опрос о национальных платформах для диалога (действие 45 Плана Осло). Открыт сейчас, чтобы в демоверсии было на что ответить.',
  zh: '关于国家对话平台的简短后续调查（奥斯陆行动 45）。目前开放，演示中可以作答。',
};

export const PLATFORMS_CONTENT: QuestionnaireContent = {
  sections: [
    {
      id: 'platform',
      title: yes('Your national platform', 'Votre plateforme nationale', 'Su plataforma nacional', 'منصتكم الوطنية', 'Ваша национальная платформа', '贵国的国家平台'),
      questions: [
        {
          id: 'exists',
          type: 'yesno',
          required: true,
          actions: ['OAP-45'],
          label: yes('Does a national mine action platform exist today?', 'Une plateforme nationale d’action contre les mines existe-t-elle aujourd’hui ?', '¿Existe hoy una plataforma nacional de acción contra las minas?', 'هل توجد اليوم منصة وطنية للأعمال المتعلقة بالألغام؟', 'Существует ли сегодня национальная платформа противоминной деятельности?', '目前是否存在国家排雷行动平台？'),
        },
        {
          id: 'frequency',
          type: 'single',
          showIf: { question: 'exists', in: ['yes'] },
          label: yes('How often does it meet?', 'À quelle fréquence se réunit-elle ?', '¿Con qué frecuencia se reúne?', 'كم مرة تجتمع؟', 'Как часто она собирается?', '多久开一次会？'),
          options: [
            { value: 'quarterly', label: yes('Every quarter or more often', 'Chaque trimestre ou plus souvent', 'Cada trimestre o con más frecuencia', 'كل ثلاثة أشهر أو أكثر', 'Раз в квартал или чаще', '每季度一次或更频繁') },
            { value: 'yearly', label: yes('Once or twice a year', 'Une ou deux fois par an', 'Una o dos veces al año', 'مرة أو مرتين في السنة', 'Один-два раза в год', '每年一到两次') },
            { value: 'rarely', label: yes('Less often', 'Moins souvent', 'Con menos frecuencia', 'أقل من ذلك', 'Реже', '更少') },
          ],
        },
        {
          id: 'partners',
          type: 'number',
          min: 0,
          max: 500,
          label: yes('Number of partner organisations taking part', 'Nombre d’organisations partenaires qui y participent', 'Número de organizaciones asociadas que participan', 'عدد المنظمات الشريكة المشاركة', 'Число участвующих партнерских организаций', '参与的伙伴组织数量'),
        },
        {
          id: 'support_needed',
          type: 'long_text',
          maxLength: 4000,
          label: yes('What support would help the platform work better?', 'Quel soutien aiderait la plateforme à mieux fonctionner ?', '¿Qué apoyo ayudaría a que la plataforma funcione mejor?', 'ما الدعم الذي يساعد المنصة على العمل بشكل أفضل؟', 'Какая поддержка помогла бы платформе работать лучше?', '什么样的支持能帮助平台更好地运作？'),
        },
      ],
    },
  ],
};
