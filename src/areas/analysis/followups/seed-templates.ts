/**
 * The starting letter templates, written for this platform in a courteous diplomatic style, in
 * the six languages: one for States whose report gives cooperation and assistance information but
 * nothing on gender and diversity, and a general one for other gaps. ISU edits them afterwards;
 * seeding only adds templates that are missing.
 */
import type { Locale } from '../../../platform/i18n/locales.ts';
import type { TemplateKey } from './letters.ts';

type Texts = Record<Locale, { subject: string; body: string }>;

const cooperationWithoutGender: Texts = {
  en: {
    subject: 'Article 7 report covering {year}: gender and diversity in cooperation and assistance',
    body: `Excellency,

The {committee} presents its compliments and thanks {state} for its Article 7 transparency report covering {year}, and in particular for the information it shares on cooperation and assistance.

In its work on Actions 45 and 47 of the Oslo Action Plan, the Committee looks at how States Parties take gender and the diverse needs and experiences of people in affected communities into account. The Committee noted that the report does not yet address:

{gaps}

The Committee would be grateful if {state} could share information on these points, by replying to this letter or in its next Article 7 report, if possible by {reply_by}. The Implementation Support Unit remains at your disposal for any assistance.

The Committee avails itself of this opportunity to renew the assurances of its highest consideration.

{committee}`,
  },
  fr: {
    subject: 'Rapport au titre de l’article 7 pour {year} : genre et diversité dans la coopération et l’assistance',
    body: `État partie : {state}

Excellence,

Le {committee} présente ses compliments et remercie votre Gouvernement de son rapport de transparence au titre de l’article 7 portant sur l’année {year}, en particulier des informations qu’il communique sur la coopération et l’assistance.

Dans le cadre de ses travaux sur les actions 45 et 47 du Plan d’action d’Oslo, le Comité examine la manière dont les États parties tiennent compte du genre ainsi que des besoins et expériences divers des personnes des communautés touchées. Le Comité a relevé que le rapport ne traite pas encore des points suivants :

{gaps}

Le Comité saurait gré à votre Gouvernement de bien vouloir communiquer des informations sur ces points, en réponse à la présente lettre ou dans son prochain rapport au titre de l’article 7, si possible d’ici au {reply_by}. L’Unité d’appui à l’application reste à votre disposition pour toute assistance.

Le Comité saisit cette occasion pour vous renouveler les assurances de sa très haute considération.

{committee}`,
  },
  es: {
    subject: 'Informe presentado en virtud del artículo 7 correspondiente a {year}: género y diversidad en la cooperación y la asistencia',
    body: `Excelencia:

El {committee} saluda atentamente a {state} y le agradece su informe de transparencia presentado en virtud del artículo 7 correspondiente a {year}, en particular la información que comparte sobre cooperación y asistencia.

En su labor relativa a las medidas 45 y 47 del Plan de Acción de Oslo, el Comité examina la manera en que los Estados partes tienen en cuenta el género y las distintas necesidades y experiencias de las personas de las comunidades afectadas. El Comité observó que el informe aún no aborda:

{gaps}

El Comité agradecería que {state} tuviera a bien facilitar información sobre estos puntos, en respuesta a la presente carta o en su próximo informe en virtud del artículo 7, de ser posible a más tardar el {reply_by}. La Dependencia de Apoyo a la Aplicación queda a su disposición para cualquier asistencia.

El Comité aprovecha la oportunidad para reiterarle el testimonio de su más alta consideración.

{committee}`,
  },
  ru: {
    subject: 'Доклад по статье 7 за {year} год: гендерные аспекты и многообразие в сотрудничестве и содействии',
    body: `Государство-участник: {state}

Ваше Превосходительство!

{committee} свидетельствует своё уважение и благодарит Ваше Правительство за доклад о мерах транспарентности по статье 7 за {year} год, в особенности за представленную информацию о сотрудничестве и содействии.

В рамках работы по действиям 45 и 47 Ословского плана действий Комитет рассматривает, каким образом государства-участники учитывают гендерные аспекты, а также различные потребности и опыт людей в пострадавших общинах. Комитет отметил, что в докладе пока не освещены следующие вопросы:

{gaps}

Комитет был бы признателен, если бы Ваше Правительство представило информацию по этим вопросам в ответ на настоящее письмо или в своём следующем докладе по статье 7, по возможности до {reply_by}. Группа имплементационной поддержки готова оказать любое необходимое содействие.

Комитет пользуется случаем, чтобы возобновить уверения в своём высоком уважении.

{committee}`,
  },
  ar: {
    subject: 'التقرير المقدم بموجب المادة 7 عن عام {year}: المنظور الجنساني والتنوع في التعاون والمساعدة',
    body: `الدولة الطرف: {state}

صاحب السعادة،

تهدي {committee} أطيب تحياتها وتشكر حكومتكم على تقرير الشفافية المقدم بموجب المادة 7 عن عام {year}، ولا سيما على ما يتضمنه من معلومات عن التعاون والمساعدة.

وفي إطار عملها المتعلق بالإجراءين 45 و47 من خطة عمل أوسلو، تنظر اللجنة في الكيفية التي تراعي بها الدول الأطراف المنظور الجنساني والاحتياجات والتجارب المتنوعة للأشخاص في المجتمعات المتأثرة. وقد لاحظت اللجنة أن التقرير لا يتناول بعدُ ما يلي:

{gaps}

وستكون اللجنة ممتنة لو تفضلت حكومتكم بتقديم معلومات عن هذه المسائل، ردًا على هذه الرسالة أو في تقريرها المقبل بموجب المادة 7، ويُفضَّل أن يكون ذلك في موعد أقصاه {reply_by}. ووحدة دعم التنفيذ على استعداد لتقديم أي مساعدة.

وتغتنم اللجنة هذه الفرصة لتعرب لكم مجددًا عن فائق تقديرها.

{committee}`,
  },
  zh: {
    subject: '关于{year}年第7条报告：合作与援助中的性别与多样性问题',
    body: `阁下：

{committee}谨向{state}致意，并感谢其提交涵盖{year}年的第7条透明度报告，特别是其中关于合作与援助的信息。

在开展与《奥斯陆行动计划》第45和第47项行动相关的工作时，委员会关注各缔约国如何考虑性别问题以及受影响社区中不同人群的多样化需求和经历。委员会注意到，该报告尚未涉及以下方面：

{gaps}

如{state}能够通过回复本函或在下一份第7条报告中就上述方面提供信息，委员会将不胜感激；如有可能，请于{reply_by}之前提供。执行支助股随时准备提供任何协助。

委员会谨借此机会再次向阁下致以最崇高的敬意。

{committee}`,
  },
};

const gaps: Texts = {
  en: {
    subject: 'Article 7 report covering {year}: request for additional information',
    body: `Excellency,

The {committee} presents its compliments and thanks {state} for its Article 7 transparency report covering {year}.

In reviewing the reports in the light of the Oslo Action Plan, the Committee found that the report does not yet include information on the following:

{gaps}

The Committee would be grateful if {state} could share any information it has on these points, by replying to this letter or in its next Article 7 report, if possible by {reply_by}. The Implementation Support Unit remains at your disposal for any assistance.

The Committee avails itself of this opportunity to renew the assurances of its highest consideration.

{committee}`,
  },
  fr: {
    subject: 'Rapport au titre de l’article 7 pour {year} : demande d’informations complémentaires',
    body: `État partie : {state}

Excellence,

Le {committee} présente ses compliments et remercie votre Gouvernement de son rapport de transparence au titre de l’article 7 portant sur l’année {year}.

En examinant les rapports au regard du Plan d’action d’Oslo, le Comité a constaté que le rapport ne contient pas encore d’informations sur les points suivants :

{gaps}

Le Comité saurait gré à votre Gouvernement de bien vouloir communiquer toute information dont il dispose sur ces points, en réponse à la présente lettre ou dans son prochain rapport au titre de l’article 7, si possible d’ici au {reply_by}. L’Unité d’appui à l’application reste à votre disposition pour toute assistance.

Le Comité saisit cette occasion pour vous renouveler les assurances de sa très haute considération.

{committee}`,
  },
  es: {
    subject: 'Informe presentado en virtud del artículo 7 correspondiente a {year}: solicitud de información adicional',
    body: `Excelencia:

El {committee} saluda atentamente a {state} y le agradece su informe de transparencia presentado en virtud del artículo 7 correspondiente a {year}.

Al examinar los informes a la luz del Plan de Acción de Oslo, el Comité constató que el informe aún no incluye información sobre los siguientes puntos:

{gaps}

El Comité agradecería que {state} tuviera a bien facilitar la información de que disponga sobre estos puntos, en respuesta a la presente carta o en su próximo informe en virtud del artículo 7, de ser posible a más tardar el {reply_by}. La Dependencia de Apoyo a la Aplicación queda a su disposición para cualquier asistencia.

El Comité aprovecha la oportunidad para reiterarle el testimonio de su más alta consideración.

{committee}`,
  },
  ru: {
    subject: 'Доклад по статье 7 за {year} год: просьба о дополнительной информации',
    body: `Государство-участник: {state}

Ваше Превосходительство!

{committee} свидетельствует своё уважение и благодарит Ваше Правительство за доклад о мерах транспарентности по статье 7 за {year} год.

Рассматривая доклады в свете Ословского плана действий, Комитет установил, что в докладе пока нет информации по следующим вопросам:

{gaps}

Комитет был бы признателен, если бы Ваше Правительство представило имеющуюся у него информацию по этим вопросам в ответ на настоящее письмо или в своём следующем докладе по статье 7, по возможности до {reply_by}. Группа имплементационной поддержки готова оказать любое необходимое содействие.

Комитет пользуется случаем, чтобы возобновить уверения в своём высоком уважении.

{committee}`,
  },
  ar: {
    subject: 'التقرير المقدم بموجب المادة 7 عن عام {year}: طلب معلومات إضافية',
    body: `الدولة الطرف: {state}

صاحب السعادة،

تهدي {committee} أطيب تحياتها وتشكر حكومتكم على تقرير الشفافية المقدم بموجب المادة 7 عن عام {year}.

ولدى استعراض التقارير في ضوء خطة عمل أوسلو، تبيّن للجنة أن التقرير لا يتضمن بعدُ معلومات عن المسائل التالية:

{gaps}

وستكون اللجنة ممتنة لو تفضلت حكومتكم بتقديم ما لديها من معلومات عن هذه المسائل، ردًا على هذه الرسالة أو في تقريرها المقبل بموجب المادة 7، ويُفضَّل أن يكون ذلك في موعد أقصاه {reply_by}. ووحدة دعم التنفيذ على استعداد لتقديم أي مساعدة.

وتغتنم اللجنة هذه الفرصة لتعرب لكم مجددًا عن فائق تقديرها.

{committee}`,
  },
  zh: {
    subject: '关于{year}年第7条报告：请求提供补充信息',
    body: `阁下：

{committee}谨向{state}致意，并感谢其提交涵盖{year}年的第7条透明度报告。

委员会在参照《奥斯陆行动计划》审议各份报告时注意到，该报告尚未包含以下方面的信息：

{gaps}

如{state}能够通过回复本函或在下一份第7条报告中就上述方面提供现有信息，委员会将不胜感激；如有可能，请于{reply_by}之前提供。执行支助股随时准备提供任何协助。

委员会谨借此机会再次向阁下致以最崇高的敬意。

{committee}`,
  },
};

export const DEFAULT_TEMPLATES: Record<TemplateKey, Texts> = { cooperation_without_gender: cooperationWithoutGender, gaps };

export function defaultTemplateRows(): { key: string; locale: string; subject: string; body: string }[] {
  return Object.entries(DEFAULT_TEMPLATES).flatMap(([key, texts]) => Object.entries(texts).map(([locale, t]) => ({ key, locale, subject: t.subject, body: t.body })));
}
