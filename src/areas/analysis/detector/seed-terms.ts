/**
 * The detector's starting term lists, per indicator and language, seeded into
 * analysis_detector_terms (idempotent: a phrase ISU removed is not put back once the lists exist;
 * see seedDetectorTerms). ISU edits them afterwards at /{locale}/analysis/terms.
 *
 * How a phrase is read (detector.ts): whole words after normalisation (accents, case, Arabic
 * letter forms); `word*` is any word starting with "word"; `~` stands for up to four words;
 * Chinese matches on characters. Negation cues cancel a nearby hit: written plainly they come
 * before the term ("no … platform"), written with a leading "…" they follow it
 * ("platform … does not exist").
 */
import type { IndicatorId } from '../indicators/definitions.ts';
import type { TermInput } from './detector.ts';

export type TermLocale = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
export const TERM_LOCALES: TermLocale[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

type Lists = Partial<Record<TermLocale, string[]>>;

/* ---------------------------------------------------------------- negation cues */

/** Cues before a term that say it is absent. */
const NOT_BEFORE: Record<TermLocale, string[]> = {
  en: ['no', 'not', 'none', 'nor', 'neither', 'never', 'without', 'absence of', 'lack of', 'lacks', 'yet to', "hasn't", "haven't", "doesn't", "didn't", "isn't", "aren't", "wasn't", "weren't", 'cannot', 'unable to', 'no longer'],
  fr: ['pas', 'aucun', 'aucune', 'sans', 'ni', 'jamais', 'absence de', 'manque de', 'faute de'],
  es: ['no', 'sin', 'ningún', 'ninguna', 'ninguno', 'ni', 'nunca', 'tampoco', 'ausencia de', 'falta de', 'carece de', 'carecen de'],
  ru: ['не', 'нет', 'без', 'ни', 'никак*', 'отсутств*'],
  ar: ['لا', 'لم', 'لن', 'ليس', 'ليست', 'عدم', 'غياب', 'انعدام', 'بدون'],
  zh: ['尚未', '没有', '并未', '未能', '未', '无', '缺乏', '缺少', '尚无', '不存在', '从未'],
};

/** Cues after a term that say it is absent ("the platform … has not yet been set up"). */
const NOT_AFTER: Record<TermLocale, string[]> = {
  en: ['… not yet', '… does not exist', '… do not exist', '… did not', '… does not', '… do not', '… has not', '… have not', '… had not', '… is not', '… are not', '… was not', '… were not', '… has yet to', '… have yet to', '… remains to be', "… hasn't", "… doesn't", "… isn't", "… wasn't"],
  fr: ['… pas', '… aucun', '… aucune', '… fait défaut', '… font défaut'],
  es: ['… no', '… ningún', '… ninguna', '… ninguno'],
  ru: ['… не', '… нет', '… отсутству*'],
  ar: ['… لم', '… لا', '… ليس', '… ليست', '… لن', '… غير موجود*', '… غير متوفر*', '… غير مصنف*'],
  zh: ['…尚未', '…未', '…没有', '…不存在', '…仍未', '…并未', '…无'],
};

/** Cues that mean "lack of", which for the needs indicator is the evidence itself, not its absence. */
const LACK_WORDS = new Set(['lack of', 'lacks', 'absence of', 'without', 'manque de', 'faute de', 'falta de', 'carece de', 'carecen de', 'ausencia de', 'отсутств*', 'нет', 'без', 'عدم', 'غياب', 'انعدام', 'بدون', '缺乏', '缺少', '无']);

function negations(opts: { keepLack?: boolean } = {}): Lists {
  const out: Lists = {};
  for (const l of TERM_LOCALES) out[l] = [...NOT_BEFORE[l], ...NOT_AFTER[l]].filter((c) => opts.keepLack !== false || !LACK_WORDS.has(c));
  return out;
}

/* ---------------------------------------------------------------- terms */

export const SEED_TERMS: Record<IndicatorId, { terms: Lists; negations: Lists }> = {
  'ca.resource_plan': {
    terms: {
      en: ['resource mobili* plan*', 'resource mobili* strateg*', 'plan* to mobili* resources', 'strateg* to mobili* resources', 'plan* for resource mobili*', 'strateg* for resource mobili*', 'resource mobili* framework', 'funding strategy', 'financing strategy', 'plan* ~ mobili* resources', 'strateg* ~ mobili* resources'],
      fr: ['plan* de mobilisation de* ressources', 'stratégie* de mobilisation de* ressources', 'stratégie* nationale* de mobilisation', 'plan* national* de mobilisation', 'stratégie de financement', 'plan de financement', 'plan* ~ mobiliser des ressources', 'stratégie* ~ mobiliser des ressources'],
      es: ['plan* de movilización de recursos', 'estrategia* de movilización de recursos', 'estrategia* nacional* de movilización', 'plan* nacional* de movilización', 'estrategia de financiación', 'estrategia de financiamiento', 'plan* ~ movilizar recursos', 'estrategia* ~ movilizar recursos', 'plan* ~ gestionar recursos', 'estrategia* ~ gestionar recursos'],
      ru: ['план* мобилизации ресурсов', 'стратеги* мобилизации ресурсов', 'план* привлечения ресурсов', 'стратеги* привлечения ресурсов', 'стратеги* привлечения средств', 'стратеги* финансирования', 'план* ~ мобилизовать ресурсы', 'план* ~ привлечь средства'],
      ar: ['خطة لحشد الموارد', 'استراتيجية لحشد الموارد', 'خطة لتعبئة الموارد', 'استراتيجية لتعبئة الموارد', 'خطة حشد الموارد', 'استراتيجية حشد الموارد', 'خطة تعبئة الموارد', 'استراتيجية تعبئة الموارد', 'استراتيجية التمويل'],
      zh: ['资源调动计划', '资源调动战略', '资源动员计划', '资源动员战略', '筹资战略', '筹资计划'],
    },
    negations: negations(),
  },
  'ca.needs': {
    terms: {
      en: ['still required', 'still needed', 'is needed', 'are needed', 'is required', 'are required', 'remain* needed', 'needed to complete', 'required to complete', 'funding gap', 'funding shortfall', 'shortfall', 'main challenge*', 'major challenge*', 'key challenge*', 'principal challenge*', 'challenges include', 'lack of funding', 'lack of resources', 'lack of equipment', 'assistance needs', 'needs for assistance', 'in need of support', 'in need of assistance', 'requires support', 'requires assistance', 'seeks support', 'seeking support', 'request* for assistance', 'support was requested', 'assistance was requested', 'requested support', 'requested assistance', 'would allow', 'would enable', 'additional funding', 'additional resources', 'further funding', 'deficit', 'difficulties ~ remain', 'persistent difficulties', 'difficult* ~ access', 'would welcome ~ support', 'would welcome ~ assistance', 'resources are lacking', 'lacks ~ resources'],
      fr: ['restent nécessaires', 'reste nécessaire', 'est nécessaire', 'sont nécessaires', 'principal défi', 'principaux défis', 'défi majeur', 'défis majeurs', 'manque de financement', 'manque de moyens', 'manque de ressources', 'déficit de financement', 'besoins d\'assistance', 'besoin d\'assistance', 'besoins en assistance', 'besoins de financement', 'appui est sollicité', 'sollicité un appui', 'sollicité l\'appui', 'appui nécessaire', 'permettrait', 'financement* supplémentaire*', 'ressources supplémentaires', 'déficit', 'difficultés persistent', 'persistent ~ difficultés', 'difficultés d\'accès', 'souhaiterait ~ appui', 'accueillerait ~ appui', 'manquent ~ ressources', 'il manque', 'a besoin d\'un appui', 'besoin d\'un appui', 'besoin d\'appui'],
      es: ['se requieren', 'se requiere', 'se necesita*', 'son necesarios', 'es necesario contar', 'principal desafío', 'principales desafíos', 'principal reto', 'principales retos', 'falta de financiación', 'falta de financiamiento', 'falta de recursos', 'déficit de financiamiento', 'brecha de financiamiento', 'necesidades de asistencia', 'necesidades de financiamiento', 'necesidades de cooperación', 'requiere apoyo', 'solicita apoyo', 'permitiría', 'financiamiento adicional', 'financiación adicional', 'recursos adicionales', 'déficit', 'persisten ~ dificultades', 'dificultades de acceso', 'agradecería ~ apoyo', 'faltan recursos', 'falta* ~ recursos'],
      ru: ['потребуется', 'требуется', 'необходимы средства', 'необходимо финансирование', 'основн* проблем*', 'главн* проблем*', 'основн* трудност*', 'нехватк*', 'недостат* финансирования', 'дефицит финансирования', 'потребност* в помощи', 'потребност* в финансировании', 'нуждается в помощи', 'нуждается в поддержке', 'дополнительн* финансировани*', 'дополнительн* средств*', 'позволил* бы', 'дефицит', 'сохраняются трудности', 'трудност* доступа', 'приветствовал* бы ~ поддержк*', 'не хватает'],
      ar: ['حاجة إلى', 'بحاجة إلى', 'يحتاج إلى', 'تحتاج إلى', 'الاحتياجات من المساعدة', 'احتياجات التمويل', 'التحدي الرئيسي', 'التحديات الرئيسية', 'أبرز التحديات', 'نقص التمويل', 'نقص في التمويل', 'فجوة التمويل', 'فجوة تمويلية', 'عجز في التمويل', 'تفتقر ~ إلى', 'يفتقر ~ إلى', 'تطلب دعما', 'تطلب الدعم', 'طلب المساعدة', 'طلب الدعم', 'تمويل إضافي', 'موارد إضافية', 'تواجه ~ صعوبات', 'يواجه ~ صعوبات', 'صعوبة الوصول', 'نقص المعدات', 'نقص الآليات', 'نقص الموارد', 'ترحب ~ بدعم', 'ينقص', 'تحتاج ~ إلى دعم', 'يحتاج ~ إلى دعم'],
      zh: ['仍需', '尚需', '还需', '需要援助', '需要支持', '资金缺口', '主要挑战', '主要困难', '缺乏资金', '资金不足', '援助需求', '额外资金', '更多资金', '面临 ~ 困难', '仍存在 ~ 困难', '欢迎 ~ 支持'],
    },
    negations: negations({ keepLack: false }),
  },
  'ca.national_resources': {
    terms: {
      en: ['national budget', 'state budget', 'government budget', 'own budget', 'own resources', 'own funds', 'national funds', 'national funding', 'national resources', 'domestic resources', 'domestic funding', 'national contribution', 'allocated from', 'ministry of finance', 'own staff', 'own equipment', 'own capacit*', 'own means', 'set aside', 'public ~ budget', 'public funds'],
      fr: ['budget national', 'budget de l\'État', 'ressources nationales', 'fonds propres', 'ressources propres', 'contribution nationale', 'financement national', 'financement de l\'État', 'ministère des finances', 'propres moyens', 'moyens propres', 'budget public', 'fonds publics'],
      es: ['presupuesto nacional', 'presupuesto general de la nación', 'recursos propios', 'recursos nacionales', 'fondos propios', 'aporte nacional', 'contribución nacional', 'financiación nacional', 'financiamiento nacional', 'ministerio de hacienda', 'ministerio de finanzas', 'medios propios', 'personal propio', 'presupuesto público', 'recursos públicos'],
      ru: ['государственн* бюджет*', 'национальн* бюджет*', 'республиканск* бюджет*', 'собственн* средств*', 'национальн* ресурс*', 'бюджетн* средств*', 'министерств* финансов', 'собственными силами', 'государственн* средств*', 'из своего бюджета', 'из собственного бюджета', 'собственн* бюджет*'],
      ar: ['الميزانية الوطنية', 'الموازنة الوطنية', 'الميزانية العامة', 'الموازنة العامة', 'موارد وطنية', 'الموارد الذاتية', 'ميزانية الدولة', 'موازنة الدولة', 'التمويل الوطني', 'المساهمة الوطنية', 'وزارة المالية', 'موازنة وزارة', 'ميزانية وزارة', 'خصص* ~ من الميزانية', 'خصص* ~ من موازنة', 'قدراتها الذاتية', 'إمكاناتها الذاتية'],
      zh: ['国家预算', '政府预算', '本国资金', '国内资金', '国家资金', '自有资金', '财政拨款', '财政部', '自身力量', '财政资金', '公共资金', '财政预算'],
    },
    negations: negations(),
  },
  'ca.individualised_approach': {
    terms: {
      en: ['individuali* approach'],
      fr: ['approche individualisée'],
      es: ['enfoque individualizado'],
      ru: ['индивидуализированн* подход*', 'индивидуальн* подход*'],
      ar: ['النهج الفردي', 'النهج المخصص', 'النهج الإفرادي'],
      zh: ['个别化办法', '个别化方法', '个性化办法', '个性化方法'],
    },
    negations: negations(),
  },
  'ca.assistance_received': {
    terms: {
      en: ['received ~ from', 'assistance from', 'receiv* ~ assistance', 'receiv* ~ support', 'receiv* ~ funding', 'receiv* ~ funds', 'assistance received', 'support received', 'funding received', 'support from', 'funding from', 'funded by', 'financed by', 'contribution* from', 'donation* from', 'donation of', 'grant* from', 'with the support of', 'with support from', 'thanks to the support', 'donors financed', 'donors funded', 'partners financed'],
      fr: ['a reçu ~ de', 'ont reçu ~ de', 'a reçu un appui', 'a reçu une aide', 'a reçu un financement', 'a reçu des fonds', 'grâce au financement', 'grâce à un financement', 'avec le financement de', 'a bénéficié de l\'appui', 'a bénéficié de l\'expertise', 'a bénéficié d\'un appui', 'a bénéficié d\'un financement', 'a bénéficié de l\'assistance', 'aide reçue', 'appui reçu', 'financement* reçu*', 'avec l\'appui de', 'avec le soutien de', 'grâce au soutien', 'grâce a l\'appui', 'financé par', 'financés par', 'financée par', 'financées par', 'don de', 'dons de'],
      es: ['recibió ~ millones', 'recibió ~ dólares', 'recibió ~ euros', 'recibió recursos', 'recibió apoyo', 'recibió asistencia', 'recibió financiamiento', 'recibió fondos', 'recibieron ~ millones', 'recibieron apoyo', 'recibieron recursos', 'cooperación internacional aportó', 'asistencia recibida', 'apoyo recibido', 'recursos recibidos', 'con el apoyo de', 'con apoyo de', 'gracias al apoyo', 'financiado por', 'financiados por', 'financiada por', 'donación de', 'donaciones de', 'apoya al programa', 'apoyan al programa', 'recursos de la cooperación internacional'],
      ru: ['получил* ~ от', 'получен* ~ помощ*', 'полученн* помощ*', 'при поддержке', 'при финансовой поддержке', 'помощь от', 'поддержк* от', 'за счет средств доноров', 'предоставлен* донорами', 'благодаря финансированию', 'благодаря поддержке', 'благодаря помощи', 'при содействии'],
      ar: ['تلق*', 'تتلق*', 'يتلق*', 'حصل* على دعم', 'حصل* على تمويل', 'حصل* على مساعد*', 'المساعدات المتلقاة', 'المساعدة المتلقاة', 'بدعم من', 'بتمويل من', 'بفضل دعم', 'ممول* من', 'منحة من', 'تمويل من'],
      zh: ['获得', '收到', '接受了', '得到了', '在 ~ 资助下', '在 ~ 支持下'],
    },
    negations: negations(),
  },
  'ca.assistance_provided': {
    terms: {
      en: ['provided ~ million', 'provided ~ assistance', 'provided ~ funding', 'provided ~ support', 'provided ~ equipment', 'provided ~ experts', 'provided ~ grant*', 'contributed ~ to', 'donated', 'disbursed', 'pledged', 'supported ~ in', 'delivered ~ course* ~ to', 'delivered ~ training ~ to', 'assistance provided', 'support provided', 'funding provided', 'assistance to other states', 'assistance to affected states', 'support to affected states', 'trained ~ from', 'ran ~ course* for', 'organi* ~ training for'],
      fr: ['a financé', 'ont financé', 'fourni ~ équipement*', 'fourni ~ matériel', 'fourni ~ experts', 'fourni ~ appui', 'fourni ~ assistance', 'fourni ~ financement', 'a soutenu ~ en', 'a soutenu ~ au', 'a soutenu ~ aux', 'a appuyé', 'ont appuyé', 'a apporté ~ appui', 'a apporté ~ soutien', 'a contribué', 'ont contribué', 'a mis ~ à disposition', 'a versé', 'assistance fournie', 'appui fourni', 'aide fournie'],
      es: ['financió ~ en', 'financiaron ~ en', 'aportó ~ a', 'brindó capacitación', 'brindó asistencia técnica', 'contribuyó', 'donó', 'proporcionó ~ equipos', 'proporcionó ~ fondos', 'proporcionó ~ apoyo', 'proporcionó ~ asistencia', 'brindó apoyo', 'prestó asistencia', 'asistencia prestada', 'apoyo brindado', 'otorgó'],
      ru: ['предоставил* ~ помощь', 'предоставил* ~ средств*', 'предоставил* ~ оборудовани*', 'предоставил* ~ экспертов', 'направил* ~ специалистов', 'направил* ~ экспертов', 'оказал* помощь', 'оказал* поддержку', 'профинансировал*', 'передал* ~ оборудовани*', 'передал* ~ техник*', 'пожертвовал*', 'внес* вклад'],
      ar: ['قدم* ~ مساعد*', 'قدم* ~ دعم*', 'قدم* ~ تمويل*', 'تبرع*', 'ساهم* في تمويل', 'ساهم* ~ بمبلغ', 'ساهم* ~ بمبالغ', 'مولت', 'المساعدة المقدمة إلى', 'المساعدات المقدمة إلى'],
      zh: ['向 ~ 提供', '提供了 ~ 援助', '提供了 ~ 设备', '提供了 ~ 资金', '提供了 ~ 培训', '为 ~ 培训了', '为 ~ 举办 ~ 培训', '捐助了', '捐赠', '出资', '资助了'],
    },
    negations: negations(),
  },
  'ca.south_south': {
    terms: {
      en: ['south-south', 'triangular cooperation', 'triangular', 'regional cooperation', 'exchange* of expertise', 'exchange* of experience*', 'shared ~ experience', 'peer-to-peer', 'between affected states', 'among affected states', 'regional workshop*', 'regional training', 'share* ~ lessons', 'share* ~ expertise', 'exchange* ~ good practice*', 'cooperat* ~ neighbouring', 'with neighbouring countries', 'with neighbouring states', 'joint ~ exercise*', 'joint training', 'joint ~ course*', 'compare ~ methods', 'learn from each other', 'peer learning', 'regional training centre', 'jointly organi*', 'jointly held', 'benefit* from the expertise of', 'benefit* from the experience of'],
      fr: ['sud-sud', 'coopération triangulaire', 'coopération régionale', 'échange* d\'expérience*', 'échange* de compétences', 'partage* d\'expérience*', 'atelier* régiona*', 'formation régionale', 'échange* ~ bonnes pratiques', 'mutualis*', 'coopération entre les centres', 'avec les pays voisins', 'exercice* conjoint*', 'formation* conjointe*', 'comparer ~ méthodes', 'apprendre les uns des autres', 'apprentissage entre pairs', 'centre régional de formation', 'organisé* ensemble', 'organisé* conjointement', 'bénéficié* de l\'expertise', 'bénéficié* de l\'expérience'],
      es: ['sur-sur', 'cooperación triangular', 'cooperación regional', 'intercambio* de experiencia*', 'compartió ~ experiencia*', 'compartieron ~ experiencia*', 'intercambi* ~ buenas prácticas', 'intercambi* ~ experiencia*', 'con los países vecinos', 'con países vecinos', 'ejercicio* conjunto*', 'capacitación* conjunta*', 'taller* regional*', 'comparar ~ métodos', 'aprender unos de otros', 'aprendizaje entre pares', 'centro regional de capacitación', 'centro regional de formación', 'organizaron conjuntamente', 'se benefició de la experiencia', 'aprovechó la experiencia', 'intercambio de técnicos', 'intercambio de expertos'],
      ru: ['юг-юг', 'трехсторонн* сотрудничеств*', 'регионально* сотрудничеств*', 'обмен* опытом', 'поделил* опытом', 'обмен* ~ информаци*', 'с соседн* стран*', 'с соседн* государств*', 'совместн* учени*', 'совместн* обучени*', 'совместн* трениров*', 'регионально* семинар*', 'сравнить ~ метод*', 'учиться друг у друга', 'взаимно* обучени*', 'регионально* учебн* центр*', 'совместно провел*', 'совместно организовал*', 'передал* опыт', 'воспользовал* опытом'],
      ar: ['بلدان الجنوب', 'التعاون الثلاثي', 'التعاون الإقليمي', 'تبادل الخبرات', 'تبادل* ~ خبرات*', 'مع دول الجوار', 'مع البلدان المجاورة', 'ورشة عمل إقليمية', 'ورشة إقليمية', 'تدريب مشترك', 'تدريبات مشتركة', 'تمارين مشتركة', 'مقارنة ~ أساليب', 'التعلم من بعضهم', 'التعلم من الأقران', 'مركز إقليمي للتدريب', 'مركز تدريب إقليمي', 'بشكل مشترك', 'استفاد* من خبرة', 'استفاد* من خبرات'],
      zh: ['南南合作', '三方合作', '区域合作', '交流经验', '经验交流', '分享经验', '与邻国', '交流 ~ 技术', '联合演练', '联合培训', '区域讲习班', '比较 ~ 方法', '相互学习', '同行学习', '区域培训中心', '周边国家', '共同举办', '联合举办', '借鉴 ~ 经验'],
    },
    negations: negations(),
  },
  'ca.national_platform': {
    terms: {
      en: ['national platform', 'national mine action platform', 'mine action platform', 'coordination platform', 'platform* for dialogue', 'dialogue platform', 'national coordination mechanism', 'coordination mechanism', 'coordination forum', 'platform* ~ brings together', 'platform* ~ bring together', 'coordination group', 'coordination committee', 'composed of ~ donors', 'comprising ~ donors', 'partners\' forum', 'partners forum', 'coordination forum'],
      fr: ['plateforme nationale', 'plate-forme nationale', 'plateforme de dialogue', 'plateforme de coordination', 'mécanisme de coordination', 'mécanisme national de coordination', 'cadre de concertation', 'comité national de coordination', 'plateforme ~ réunit', 'groupe de coordination', 'comité de coordination', 'composée de ~ bailleurs', 'réunissant ~ bailleurs'],
      es: ['plataforma nacional', 'plataforma de coordinación', 'plataforma de diálogo', 'mesa nacional', 'mesa de coordinación', 'mecanismo de coordinación', 'espacio de diálogo', 'instancia de coordinación', 'comité interinstitucional', 'comisión interinstitucional', 'comité nacional de coordinación', 'plataforma ~ reúne', 'grupo de coordinación', 'mesa de cooperación', 'comité de coordinación', 'integrad* por ~ donantes', 'compuest* por ~ donantes'],
      ru: ['национальн* платформ*', 'платформ* для диалога', 'платформ* по противоминной', 'координационн* механизм*', 'координационн* совет*', 'механизм* координации', 'платформ* ~ объединяет', 'координационн* групп*', 'координационн* комитет*'],
      ar: ['منصة وطنية', 'منصة للحوار', 'منصة للتنسيق', 'منصة تنسيق', 'آلية تنسيق', 'آلية للتنسيق', 'آلية وطنية للتنسيق', 'منتدى وطني', 'لجنة التنسيق الوطنية', 'لجنة وطنية للتنسيق', 'اللجنة الوطنية لتنسيق', 'منصة ~ تضم', 'فريق التنسيق', 'مجموعة التنسيق', 'لجنة تنسيق'],
      zh: ['国家平台', '排雷行动平台', '协调平台', '对话平台', '协调机制', '协调小组', '协调委员会', '与捐助方对话'],
    },
    negations: negations(),
  },
  'ca.development_links': {
    terms: {
      en: ['sustainable development goal*', 'sdg*', '2030 agenda', 'national development plan*', 'national development strateg*', 'development plan*', 'humanitarian-development', 'development-humanitarian', 'nexus', 'peacebuilding', 'peace-building', 'recovery plan*', 'poverty reduction', 'socio-economic development', 'development programme*', 'food security', 'rural development', 'reconstruction', 'return of ~ displaced', 'recovery programme*'],
      fr: ['objectifs de développement durable', 'ODD', 'plan national de développement', 'stratégie nationale de développement', 'programme* de développement', 'développement socio-économique', 'consolidation de la paix', 'nexus', 'agenda 2030', 'programme 2030', 'développement rural', 'sécurité alimentaire', 'reconstruction', 'retour des ~ déplacés', 'plan de relance', 'plan* de redressement'],
      es: ['objetivos de desarrollo sostenible', 'ODS', 'plan nacional de desarrollo', 'planes de desarrollo', 'programas de desarrollo', 'agenda 2030', 'acuerdo de paz', 'construcción de paz', 'consolidación de la paz', 'desarrollo rural', 'seguridad alimentaria', 'reconstrucción', 'retorno de ~ desplazad*', 'plan de reactivación', 'plan de recuperación'],
      ru: ['цел* устойчивого развития', 'цур', 'стратеги* развития', 'план* развития', 'программ* развития', 'миростроительств*', 'социально-экономическ* развити*', 'продовольственн* безопасност*', 'возвращени* ~ переселенц*', 'реконструкци*', 'план* восстановлени*'],
      ar: ['أهداف التنمية المستدامة', 'خطة التنمية', 'خطط التنمية', 'استراتيجية التنمية', 'التنمية المستدامة', 'بناء السلام', 'خطة عام 2030', 'التنمية الاجتماعية والاقتصادية', 'إعادة الإعمار', 'إعادة إعمار', 'عودة النازحين', 'الأمن الغذائي', 'التنمية الريفية', 'خطة التعافي', 'خطة الإنعاش'],
      zh: ['可持续发展目标', '发展计划', '发展战略', '建设和平', '2030年议程', '乡村振兴', '粮食安全', '重建', '复苏计划', '恢复计划'],
    },
    negations: negations(),
  },
  'gd.integrated': {
    terms: {
      en: ['gender', 'diversity', 'diverse needs', 'different needs', 'women, girls, boys and men', 'women make up', 'sexual harassment', 'women s organi*', 'employment of women', 'recruit* ~ women', 'female deminers', 'female staff', 'female ~ officer*', 'female ~ surveyor*', 'female ~ team*', 'women ~ teams', 'consult* ~ women', 'persons with disabilities and minority', 'minority groups', 'ethnic minorit*', 'older people', 'older persons', 'indigenous', 'per cent of ~ women'],
      fr: ['genre et ~ diversité', 'tenant compte du genre', 'sensible* au genre', 'prise en compte du genre', 'égalité des genres', 'égalité entre les femmes et les hommes', 'perspective de genre', 'approche genre', 'point focal genre', 'femmes, les hommes, les filles et les garçons', 'filles et les garçons', 'comptent des femmes', 'harcèlement sexuel', 'enquêteuses', 'démineuses', 'emploi des femmes', 'recrutement des femmes', 'recruter des femmes', 'participation des femmes', 'minorités ethniques', 'personnes âgées', '# de femmes', 'diversité des besoins', 'femmes représentent'],
      es: ['género', 'diversidad', 'enfoque diferencial', 'mujeres, hombres, niñas y niños', 'las mujeres representan', 'desminadoras', 'acoso sexual', 'contratación de mujeres', 'vinculación de mujeres', 'minorías étnicas', 'pueblos indígenas', 'personas mayores', '# de mujeres', 'por ciento de mujeres', 'participación de las mujeres', 'comunidades indígenas', 'afrodescendientes'],
      ru: ['гендер*', 'женщин* и девоч*', 'девоч* и мальчик*', 'женщины составляют', 'женщины и мужчины', 'женщин и мужчин', 'многообрази*', 'равенств* женщин', 'сексуальн* домогательств*', 'найм* женщин', 'привлечени* женщин', 'этническ* меньшинств*', 'пожил* люд*'],
      ar: ['الجنساني*', 'النوع الاجتماعي', 'بين الجنسين', 'التنوع', 'النساء والفتيات والفتيان والرجال', 'النساء والرجال', 'تشكل النساء', 'مشاركة المرأة', 'مشاركة النساء', 'تمكين المرأة', 'التشاور مع النساء', 'رأي النساء', 'التحرش الجنسي', 'توظيف النساء', 'تعيين النساء', 'الأقليات', 'كبار السن', 'الفتيات والفتيان', 'الناجيات والناجين'],
      zh: ['性别平等', '性别视角', '性别观点', '性别问题', '性别与多样性', '性别和多样性', '性别敏感', '性别主流化', '社会性别', '性别均衡', '多样性', '妇女、男子、女童和男童', '女性占', '性骚扰', '招聘女性', '雇用女性', '少数民族', '老年人'],
    },
    negations: negations(),
  },
  'gd.disaggregated': {
    terms: {
      en: ['disaggregated', 'broken down by sex', 'broken down by age', 'sex and age', 'age and sex', 'by sex, age', 'by gender and age', 'by sex', 'by age group', 'sex- and age-disaggregated', 'sadd', '# women ~ # men', '# men ~ # women', '# girls ~ # boys', '# boys ~ # girls', '# were men ~ # were', '# were women ~ # were', 'distinguish* ~ women'],
      fr: ['ventilé* par sexe', 'ventilé* par âge', 'données ventilées', 'par sexe', 'selon le sexe', 'sexe et âge', 'par tranche d\'âge', 'désagrégé*', '# femmes ~ # hommes', '# hommes ~ # femmes', 'distingu* ~ femmes'],
      es: ['desglosad*', 'se desglosan', 'desagregad*', 'por sexo', 'según sexo', 'según el sexo', 'sexo y edad', 'edad y sexo', 'por género y edad', 'por edad', 'grupo etario', '# mujeres ~ # hombres', '# hombres ~ # mujeres', 'distingu* ~ mujeres'],
      ru: ['в разбивке по', 'с разбивкой по', 'разбивк* по полу', 'по полу и возрасту', 'по полу', 'пол* и возраст*', 'дезагрегированн*', '# женщин* ~ # мужчин*', '# мужчин* ~ # женщин*'],
      ar: ['مصنفة حسب', 'مصنف* حسب', 'تصنف', 'يصنف', 'حسب الجنس', 'بحسب الجنس', 'حسب الفئة العمرية', 'حسب العمر', 'مفصلة حسب', 'الجنس والعمر', 'العمر والجنس', 'الجنس والفئة العمرية', '# امرأة ~ # رجل*', '# رجل* ~ # امرأة', '# نساء ~ # رجال', '# رجل* ~ # نساء'],
      zh: ['按性别', '按年龄', '分列', '分类统计', '性别和年龄', '性别、年龄', '#名女性 ~ #名男性', '#名男性 ~ #名女性'],
    },
    negations: negations(),
  },
};

/** The seeded lists as rows (terms and negation cues), in a stable order. */
export function seedTermRows(): TermInput[] {
  const rows: TermInput[] = [];
  for (const [indicatorId, lists] of Object.entries(SEED_TERMS)) {
    for (const locale of TERM_LOCALES) {
      for (const phrase of lists.terms[locale] ?? []) rows.push({ indicatorId, locale, kind: 'term', phrase });
      for (const phrase of lists.negations[locale] ?? []) rows.push({ indicatorId, locale, kind: 'negation', phrase });
    }
  }
  return rows;
}
