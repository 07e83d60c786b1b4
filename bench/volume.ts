/**
 * A realistic volume of Article 7 reports for the benchmarks (coverage dashboard, search):
 * by default 164 States × 25 years (2001–2025) of submitted annual reports, each with one submitted
 * version whose snapshot holds narratives in the State's reporting language (Forms C, I and J),
 * and the eleven committee indicators analysed on that version (some with reviewers' decisions).
 *
 * Everything is inserted in bulk with SQL (`insert … select from jsonb_to_recordset($1)`, a few
 * thousand rows per statement): 4,100 reports and 45,000 indicator values take seconds, not the
 * minutes the reporting commands would. Deterministic: the same options give the same data.
 *
 * Usage (a migrated database with the reference data seeded — States and indicators):
 *   import { generateVolume } from './volume.ts';
 *   const stats = await generateVolume(database, { states: 164, years: 25, lastYear: 2025 });
 * Reports that already exist for a State and year (e.g. the demo reports) are left untouched.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../src/platform/db/client.ts';

export interface VolumeOptions {
  /** How many States (the first ones by ISO code among those in the states table). Default 164. */
  states?: number;
  /** How many years, ending with lastYear. Default 25. */
  years?: number;
  /** Default 2025. */
  lastYear?: number;
  /** Share of State-years with a submitted report (0–1). Default 1: every State reports every year. */
  submitRate?: number;
  /** Share of indicator values with a reviewer's decision (0–1). Default 0.05. */
  decisionRate?: number;
  /** Rows per INSERT statement. Default 500 reports. */
  batch?: number;
  /** Seed of the pseudo-random generator. Default 42. */
  seed?: number;
}

export interface VolumeStats {
  reports: number;
  versions: number;
  indicatorValues: number;
  decisions: number;
  skippedExisting: number;
  seconds: number;
}

type Lang = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';

/** A small deterministic generator (mulberry32). */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/**
 * Narrative sentences per language: cooperation present or absent, gender present or absent,
 * clearance methodology and risk education. {n} is a number, {partner} a partner name.
 */
const TEXT: Record<Lang, { caYes: string[]; caNo: string[]; gdYes: string[]; gdNo: string[]; clearance: string[]; risk: string[]; partners: string[] }> = {
  en: {
    caYes: [
      'The national mine action authority received USD {n} from {partner} for survey and clearance, and a resource mobilisation plan was adopted.',
      'A national platform brought together donors, operators and the United Nations twice during the year to discuss the remaining challenges.',
      'Training in quality management was provided to two neighbouring States as part of South–South cooperation.',
      'The national budget allocated {n} to the mine action centre, and the individualised approach meeting helped secure new partners.',
    ],
    caNo: ['No international assistance was received during the reporting period.', 'There is no national platform for dialogue with partners yet.'],
    gdYes: [
      'Women make up a third of the survey teams, and women, girls, boys and men are consulted separately when priorities are set.',
      'Casualty data are disaggregated by sex, age and disability, and risk education sessions are adapted to the needs of diverse groups.',
    ],
    gdNo: ['No information is available on this question.'],
    clearance: ['Non-technical survey cancelled {n} square metres; technical survey and clearance released further land in {n} areas.', 'Clearance continued in the border districts with manual and mechanical assets.'],
    risk: ['Risk education reached {n} people in affected communities, mostly through schools and community volunteers.'],
    partners: ['the European Union', 'Japan', 'Norway', 'the United States', 'Germany', 'UNDP'],
  },
  fr: {
    caYes: [
      'L’autorité nationale de l’action contre les mines a reçu {n} USD de {partner} pour les enquêtes et le déminage, et un plan de mobilisation des ressources a été adopté.',
      'Une plateforme nationale a réuni deux fois dans l’année les bailleurs, les opérateurs et les Nations Unies pour examiner les difficultés restantes.',
      'Une formation à la gestion de la qualité a été dispensée à deux États voisins au titre de la coopération Sud-Sud.',
    ],
    caNo: ['Aucune assistance internationale n’a été reçue pendant la période considérée.', 'Il n’existe pas encore de plateforme nationale de dialogue avec les partenaires.'],
    gdYes: [
      'Les femmes représentent un tiers des équipes d’enquête, et les femmes, les filles, les garçons et les hommes sont consultés séparément.',
      'Les données sur les victimes sont ventilées par sexe, âge et handicap.',
    ],
    gdNo: ['Aucune information n’est disponible sur cette question.'],
    clearance: ['L’enquête non technique a permis d’annuler {n} mètres carrés ; le déminage s’est poursuivi dans {n} zones.'],
    risk: ['L’éducation aux risques a touché {n} personnes dans les communautés affectées.'],
    partners: ['l’Union européenne', 'le Japon', 'la Norvège', 'la Suisse', 'le PNUD'],
  },
  es: {
    caYes: [
      'La autoridad nacional de acción contra las minas recibió {n} USD de {partner} para estudios y despeje, y se adoptó un plan de movilización de recursos.',
      'Una plataforma nacional reunió dos veces en el año a donantes, operadores y las Naciones Unidas para examinar las dificultades pendientes.',
      'Se impartió formación en gestión de la calidad a dos Estados vecinos en el marco de la cooperación Sur-Sur.',
    ],
    caNo: ['No se recibió asistencia internacional durante el período del informe.', 'Todavía no existe una plataforma nacional de diálogo con los asociados.'],
    gdYes: ['Las mujeres representan un tercio de los equipos de estudio, y se consulta por separado a mujeres, niñas, niños y hombres.', 'Los datos sobre víctimas se desglosan por sexo, edad y discapacidad.'],
    gdNo: ['No se dispone de información sobre esta cuestión.'],
    clearance: ['El estudio no técnico permitió cancelar {n} metros cuadrados; el despeje continuó en {n} zonas.'],
    risk: ['La educación sobre el riesgo llegó a {n} personas en las comunidades afectadas.'],
    partners: ['la Unión Europea', 'el Japón', 'Noruega', 'Suiza', 'el PNUD'],
  },
  ru: {
    caYes: [
      'Национальный орган по разминированию получил {n} долларов США от партнёра {partner} на обследование и расчистку; принят план мобилизации ресурсов.',
      'Национальная платформа дважды за год собрала доноров, операторов и Организацию Объединённых Наций для обсуждения оставшихся трудностей.',
      'В рамках сотрудничества Юг–Юг двум соседним государствам было предоставлено обучение по управлению качеством.',
    ],
    caNo: ['В отчётный период международная помощь не поступала.', 'Национальной платформы для диалога с партнёрами пока нет.'],
    gdYes: ['Женщины составляют треть групп обследования; женщины, девочки, мальчики и мужчины опрашиваются отдельно.', 'Данные о пострадавших приводятся в разбивке по полу, возрасту и инвалидности.'],
    gdNo: ['Сведений по этому вопросу нет.'],
    clearance: ['Нетехническое обследование позволило исключить {n} квадратных метров; расчистка продолжалась в {n} районах.'],
    risk: ['Просвещением о минной опасности охвачено {n} человек в затронутых общинах.'],
    partners: ['Европейский союз', 'Япония', 'Норвегия', 'ПРООН'],
  },
  ar: {
    caYes: [
      'تلقت الهيئة الوطنية للأعمال المتعلقة بالألغام {n} دولار من {partner} لأعمال المسح والتطهير، واعتُمدت خطة لحشد الموارد.',
      'جمعت منصة وطنية المانحين والمشغلين والأمم المتحدة مرتين خلال السنة لمناقشة التحديات المتبقية.',
      'قُدّم تدريب على إدارة الجودة إلى دولتين مجاورتين في إطار التعاون بين بلدان الجنوب.',
    ],
    caNo: ['لم تُتلقَّ أي مساعدة دولية خلال الفترة المشمولة بالتقرير.', 'لا توجد حتى الآن منصة وطنية للحوار مع الشركاء.'],
    gdYes: ['تشكل النساء ثلث أفرقة المسح، ويُستشار النساء والفتيات والفتيان والرجال كلٌّ على حدة.', 'البيانات المتعلقة بالضحايا مصنفة حسب الجنس والعمر والإعاقة.'],
    gdNo: ['لا تتوفر معلومات بشأن هذه المسألة.'],
    clearance: ['أتاح المسح غير التقني إلغاء {n} متر مربع، واستمر التطهير في {n} منطقة.'],
    risk: ['وصلت التوعية بالمخاطر إلى {n} شخص في المجتمعات المتأثرة.'],
    partners: ['الاتحاد الأوروبي', 'اليابان', 'النرويج', 'برنامج الأمم المتحدة الإنمائي'],
  },
  zh: {
    caYes: ['国家排雷行动机构从{partner}获得{n}美元用于调查和清除，并通过了资源调动计划。', '国家平台在本年度两次召集捐助方、作业机构和联合国讨论剩余的困难。', '在南南合作框架下，向两个邻国提供了质量管理培训。'],
    caNo: ['报告期内未收到国际援助。', '目前尚无与伙伴对话的国家平台。'],
    gdYes: ['妇女占调查小组的三分之一，在确定优先事项时分别征求妇女、女童、男童和男子的意见。', '伤亡数据按性别、年龄和残疾分列。'],
    gdNo: ['没有关于这一问题的信息。'],
    clearance: ['非技术调查取消了{n}平方米的土地；清除工作在{n}个地区继续进行。'],
    risk: ['风险教育覆盖了受影响社区的{n}人。'],
    partners: ['欧洲联盟', '日本', '挪威', '联合国开发计划署'],
  },
};

const INDICATORS = [
  { id: 'ca.resource_plan', group: 'ca' },
  { id: 'ca.needs', group: 'ca' },
  { id: 'ca.national_resources', group: 'ca' },
  { id: 'ca.individualised_approach', group: 'ca' },
  { id: 'ca.assistance_received', group: 'ca' },
  { id: 'ca.assistance_provided', group: 'ca' },
  { id: 'ca.south_south', group: 'ca' },
  { id: 'ca.national_platform', group: 'ca' },
  { id: 'ca.development_links', group: 'ca' },
  { id: 'gd.integrated', group: 'gd' },
  { id: 'gd.disaggregated', group: 'gd' },
] as const;

function fill(rnd: () => number, s: string, partners: string[]): string {
  return s.replace(/\{n\}/g, () => String(Math.floor(1000 + rnd() * 900000))).replace(/\{partner\}/g, () => pick(rnd, partners));
}

interface ReportRow {
  id: string;
  state_iso2: string;
  year: number;
  language: Lang;
  snapshot: unknown;
  values: { indicator_id: string; auto_value: 'yes' | 'no' | 'unknown'; auto_source: string; decision: 'yes' | 'no' | null }[];
}

/** Inserts the reports, their versions and their indicator values; returns what was written. */
export async function generateVolume(database: Pick<Database, 'query'>, opts: VolumeOptions = {}): Promise<VolumeStats> {
  const t0 = Date.now();
  const nStates = opts.states ?? 164;
  const nYears = opts.years ?? 25;
  const lastYear = opts.lastYear ?? 2025;
  const submitRate = opts.submitRate ?? 1;
  const decisionRate = opts.decisionRate ?? 0.05;
  const batch = opts.batch ?? 500;
  const rnd = prng(opts.seed ?? 42);
  const langs = new Set<string>(['ar', 'zh', 'en', 'fr', 'ru', 'es']);

  const states = await database.query<{ iso2: string; reporting_language: string; affected: boolean }>(
    `select s.iso2, s.reporting_language, exists (select 1 from article5_deadlines d where d.state_iso2 = s.iso2) as affected
     from states s order by s.iso2 limit $1`,
    [nStates],
  );
  const existing = new Set((await database.query<{ k: string }>(`select state_iso2 || ':' || year as k from reports where kind = 'annual'`)).map((r) => r.k));
  const indicatorIds = new Set((await database.query<{ id: string }>(`select id from analysis_indicators`)).map((r) => r.id));
  const indicators = INDICATORS.filter((i) => indicatorIds.has(i.id));

  const rows: ReportRow[] = [];
  let skippedExisting = 0;
  for (const [n, s] of states.entries()) {
    // No State Party reports in Chinese today; every twentieth State does here, so that Chinese
    // text (segmented for the index) is part of what is measured.
    const lang = (n % 20 === 7 ? 'zh' : langs.has(s.reporting_language) ? s.reporting_language : 'en') as Lang;
    const T = TEXT[lang];
    // A State's propensity to report on cooperation and on gender; both improve over the years.
    const caBase = s.affected ? 0.75 : 0.45;
    const gdBase = 0.25 + rnd() * 0.3;
    for (let year = lastYear - nYears + 1; year <= lastYear; year++) {
      if (rnd() >= submitRate) continue;
      if (existing.has(`${s.iso2}:${year}`)) {
        skippedExisting++;
        continue;
      }
      const progress = (year - (lastYear - nYears + 1)) / Math.max(1, nYears - 1);
      const ca = rnd() < Math.min(0.95, caBase + 0.15 * progress);
      const gd = ca ? rnd() < Math.min(0.9, gdBase + 0.35 * progress) : rnd() < 0.05;
      const donor = !s.affected && ca && rnd() < 0.6;
      const values: ReportRow['values'] = indicators.map((ind) => {
        let yes: boolean;
        if (ind.group === 'ca') yes = ca && (ind.id === 'ca.assistance_provided' ? donor : rnd() < (ind.id === 'ca.assistance_received' && s.affected ? 0.8 : 0.35));
        else yes = gd && (ind.id === 'gd.integrated' || rnd() < 0.5);
        const auto_value: 'yes' | 'no' | 'unknown' = yes ? 'yes' : rnd() < 0.15 ? 'unknown' : 'no';
        const decision = rnd() < decisionRate ? (rnd() < 0.8 ? (yes ? 'yes' : 'no') : yes ? 'no' : 'yes') : null;
        return { indicator_id: ind.id, auto_value, auto_source: yes ? (rnd() < 0.5 ? 'narrative' : 'both') : 'none', decision };
      });
      // Make sure at least one cooperation indicator says yes when the report has C&A information.
      if (ca && !values.some((v) => v.indicator_id.startsWith('ca.') && v.auto_value === 'yes')) {
        const v = values.find((x) => x.indicator_id === 'ca.assistance_received');
        if (v) v.auto_value = 'yes';
      }
      const caText = ca ? [pick(rnd, T.caYes), pick(rnd, T.caYes)] : [pick(rnd, T.caNo)];
      const snapshot = {
        forms: {
          C: { status: 'complete', values: { release: { methodology: fill(rnd, pick(rnd, T.clearance), T.partners) }, plan: { hasPlan: rnd() < 0.5 } } },
          I: { status: 'complete', values: { riskEducation: { narrative: fill(rnd, pick(rnd, T.risk), T.partners) } } },
          J: {
            status: 'complete',
            values: {
              cooperation: { resourcePlan: ca && rnd() < 0.4, nationalPlatform: ca && rnd() < 0.3, needs: null, narrative: caText.map((x) => fill(rnd, x, T.partners)).join(' ') },
              gender: { integrated: gd ? true : null, narrative: gd ? pick(rnd, T.gdYes) : pick(rnd, T.gdNo) },
              other: { narrative: null },
            },
          },
        },
      };
      rows.push({ id: randomUUID(), state_iso2: s.iso2, year, language: lang, snapshot, values });
    }
  }

  let reports = 0;
  let versions = 0;
  let indicatorValues = 0;
  let decisions = 0;
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    const inserted = await database.query<{ id: string }>(
      `insert into reports (id, state_iso2, kind, year, period_start, period_end, due_date, status, visibility, format_version, language,
                            current_version_no, submitted_at, acknowledged_at)
       select x.id, x.state_iso2, 'annual', x.year, make_date(x.year, 1, 1), make_date(x.year, 12, 31), make_date(x.year + 1, 4, 30),
              'acknowledged', 'public', '2023', x.language, 1, make_date(x.year + 1, 4, 20)::timestamptz, make_date(x.year + 1, 5, 20)::timestamptz
       from jsonb_to_recordset($1::jsonb) as x(id uuid, state_iso2 text, year int, language text)
       on conflict do nothing
       returning id::text as id`,
      [JSON.stringify(chunk.map(({ id, state_iso2, year, language }) => ({ id, state_iso2, year, language })))],
    );
    const ok = new Set(inserted.map((r) => r.id));
    const mine = chunk.filter((r) => ok.has(r.id));
    reports += mine.length;
    if (!mine.length) continue;
    const v = await database.query<{ n: number }>(
      `with ins as (
         insert into report_versions (report_id, version_no, format_version, language, visibility, snapshot, submitted_at, acknowledged_at)
         select x.id, 1, '2023', x.language, 'public', x.snapshot, make_date(x.year + 1, 4, 20)::timestamptz, make_date(x.year + 1, 5, 20)::timestamptz
         from jsonb_to_recordset($1::jsonb) as x(id uuid, year int, language text, snapshot jsonb)
         returning 1)
       select count(*)::int as n from ins`,
      [JSON.stringify(mine.map(({ id, year, language, snapshot }) => ({ id, year, language, snapshot })))],
    );
    versions += Number(v[0]?.n ?? 0);
    const valueRows = mine.flatMap((r) => r.values.map((x) => ({ report_id: r.id, ...x })));
    const iv = await database.query<{ n: number; d: number }>(
      `with ins as (
         insert into analysis_report_indicators (report_id, indicator_id, version_no, auto_value, auto_source, decision, decided_at, decision_note)
         select x.report_id, x.indicator_id, 1, x.auto_value, x.auto_source, x.decision,
                case when x.decision is null then null else now() end,
                case when x.decision is null then null else 'Benchmark decision' end
         from jsonb_to_recordset($1::jsonb) as x(report_id uuid, indicator_id text, auto_value text, auto_source text, decision text)
         returning decision)
       select count(*)::int as n, count(decision)::int as d from ins`,
      [JSON.stringify(valueRows)],
    );
    indicatorValues += Number(iv[0]?.n ?? 0);
    decisions += Number(iv[0]?.d ?? 0);
  }
  await database.query('analyze reports');
  await database.query('analyze report_versions');
  await database.query('analyze analysis_report_indicators');
  return { reports, versions, indicatorValues, decisions, skippedExisting, seconds: (Date.now() - t0) / 1000 };
}
