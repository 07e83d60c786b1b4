/**
 * Demo Article 7 reports (demo mode only). Eight States — Senegal, Iraq, Cambodia, Colombia,
 * Tajikistan, Bosnia and Herzegovina, and the donors Japan and Norway — report on 2022, 2023 and
 * 2024 in five languages of submission, and between them the reports stand in every status of the
 * workflow: draft, submitted, returned with an ISU comment and the State's answer, acknowledged,
 * published, and published again after a correction.
 *
 * Everything here was written for the demo: figures are invented within realistic magnitudes,
 * people and organisations are named "demo", narratives say so where natural, and every report
 * carries is_demo = true. Land release, retained mines and mines destroyed are derived from one
 * model per State, so the figures add up from year to year.
 *
 * This runs at every start in demo mode, so it writes in bulk rather than replaying the commands
 * form by form (hundreds of statements per State): each form's values are read with the form
 * engine (readSubmission) and each version is checked with checkReport, exactly as saveForm and
 * submitReport do; statuses follow the report state machine (nextStatus); snapshots are made by
 * snapshotOf; every row goes through the repository, one transaction per State, with one audit
 * event per report. A plan that would not pass validation throws.
 *
 * Idempotent: a State that already has an annual report for 2022–2024 is left alone. Senegal's and
 * Iraq's reports for 2025 are not created, so the demo preparers can start them themselves.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Database, Tx } from '../../platform/db/client.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import type { FormValues, PeopleValue } from '../../platform/forms/definition.ts';
import { readSubmission } from '../../platform/forms/values.ts';
import { isEmpty, validateFields } from '../../platform/forms/validate.ts';
import { CURRENT_FORMAT } from './formats.ts';
import { annualObligation, nextStatus, type FormStatus, type ReportAction, type ReportStatus } from './report.ts';
import { checkReport, snapshotOf, type ReportSnapshot } from './reports-commands.ts';
import * as repo from './reports-repository.ts';
import type { ReportFormRow, ReportRow } from './reports-repository.ts';

type Language = 'ar' | 'en' | 'fr' | 'ru' | 'es';
type Row = Record<string, unknown>;

/* ====================================================================================== */
/* The plan of a demo report                                                              */
/* ====================================================================================== */

/**
 * What happens to one form: values saved and marked complete, values saved but left in progress
 * (`draft`), marked unchanged since the last report, or not applicable. A form a draft report's
 * plan leaves out stays as created (carried forward from the last report, or not started); in a
 * report that is submitted, a form left out is not applicable.
 */
type FormPlan = { values: FormValues } | { draft: FormValues } | 'unchanged' | 'not_applicable';

interface VersionPlan {
  /** ISO date-times the version was submitted, acknowledged and published. */
  submitted: string;
  acknowledged?: string;
  published?: string;
}

interface ReportPlan {
  state: string;
  year: number;
  /** When the State started the report. */
  created: string;
  visibility?: 'public' | 'restricted';
  forms: Record<string, FormPlan>;
  /** The first submission and its review; the report stays a draft without it. */
  v1?: VersionPlan;
  /** Returned for clarification after v1: the ISU comment on one form, then the State's answer. */
  returned?: { on: string; isu: { formId: string; body: string }; answer: { on: string; formId: string; body: string } };
  /** A correction after v1 was published: the forms that change, the reason, and version 2's dates. */
  correction?: { forms: Record<string, FormPlan>; reason: string; version: VersionPlan };
  /**
   * Explanations of expected warnings, by `formId:path` or `formId:messageKey`. Any other warning
   * gets the State's generic demo explanation (see FALLBACK_EXPLANATION).
   */
  explanations?: Record<string, string>;
}

const SEED_ACTOR: Actor = { userId: null, label: 'seed' };

/** Explains a warning nobody planned (e.g. against a State's own earlier, non-demo report). */
const FALLBACK_EXPLANATION: Record<Language, string> = {
  en: 'Demo data: the figures are illustrative and are not meant to be compared with earlier reports.',
  fr: 'Données de démonstration : les chiffres sont fictifs et ne sont pas comparables aux rapports antérieurs.',
  es: 'Datos de demostración: las cifras son ficticias y no son comparables con informes anteriores.',
  ru: 'Демонстрационные данные: цифры вымышлены и не сопоставимы с предыдущими отчётами.',
  ar: 'بيانات تجريبية: الأرقام افتراضية ولا تصلح للمقارنة بالتقارير السابقة.',
};

/** Author names in the clarification threads. */
const ISU_AUTHOR = 'Demo ISU Officer';

/* ====================================================================================== */
/* Small builders                                                                         */
/* ====================================================================================== */

const money = (amount: number, currency: string) => ({ amount, currency });

function people(p: PeopleValue): PeopleValue {
  return p;
}

/** A row of assistance received (`partner`) or provided (`recipient`). */
function aid(
  side: 'partner' | 'recipient',
  who: string,
  amount: number | null,
  currency: string | null,
  year: number,
  sector: string,
  opts: { southSouth?: boolean; inKind?: string } = {},
): Row {
  return {
    [side]: who,
    amount: amount === null ? null : money(amount, currency!),
    year,
    sector,
    southSouth: opts.southSouth ?? false,
    inKind: opts.inKind ?? null,
  };
}

const at = (date: string, time = '10:00:00') => `${date}T${time}Z`;

/* ---------- Land release: one model per State, so the years add up ---------- */

interface RegionSpec {
  region: string;
  /** Suspected hazardous areas at the end of the year before the first demo report: [count, m²]. */
  sha?: [number, number];
  /** Confirmed hazardous areas at the same date: [count, m²]. */
  cha?: [number, number];
  contamination: ('conventional' | 'improvised')[];
  mineType: string;
  emplaced?: string;
  /** Estimated mines in the confirmed areas at the baseline, when known. */
  estimatedMines?: number;
  /** Warning measures in place while the region is contaminated (Form I). */
  measures: string[];
}

/** Released in a year in one region: [region, cancelled m², reduced m², cleared m², AP mines destroyed]. */
type Release = [region: string, cancelled: number, reduced: number, cleared: number, mines: number];

/** Hazardous areas newly recorded from `from` on, kept apart from the baseline (size may still be unknown). */
interface Addition {
  region: string;
  kind: 'sha' | 'cha';
  from: number;
  count: number;
  /** Size by year; null while not yet measured. */
  sqm: Record<number, number | null>;
  notes: string;
}

interface LandReleaseYear {
  /** Form C hazards.areas at the end of the year. */
  areas: Row[];
  /** Form C release.byRegion during the year. */
  byRegion: Row[];
  /** Form G minedAreas.destroyed: mines destroyed during the year by type. */
  destroyed: Row[];
  /** Form I warnings.areas at the end of the year. */
  warnings: Row[];
  total: { released: number; mines: number };
}

/**
 * Applies each year's releases to the baseline: land cancelled leaves the suspected areas, land
 * reduced or cleared leaves the confirmed ones, and the number of areas shrinks with their size.
 * Throws when the demo data would release more than remains (a mistake in this file).
 */
export function landRelease(regions: RegionSpec[], releases: Record<number, Release[]>, additions: Addition[] = []): Record<number, LandReleaseYear> {
  const left = new Map(regions.map((r) => [r.region, { sha: r.sha?.[1] ?? 0, cha: r.cha?.[1] ?? 0, mines: 0 }]));
  const scaled = (base: [number, number], now: number) => (now <= 0 ? 0 : Math.max(1, Math.round((base[0] * now) / base[1])));
  const out: Record<number, LandReleaseYear> = {};
  for (const year of Object.keys(releases).map(Number).sort((a, b) => a - b)) {
    const byRegion: Row[] = [];
    const minesByType = new Map<string, number>();
    let released = 0;
    let mines = 0;
    for (const [region, cancelled, reduced, cleared, destroyed] of releases[year]!) {
      const spec = regions.find((r) => r.region === region);
      const s = left.get(region);
      if (!spec || !s) throw new Error(`demo reports: unknown region ${region}`);
      if (cancelled > s.sha || reduced + cleared > s.cha) throw new Error(`demo reports: ${region} releases more than remains in ${year}`);
      s.sha -= cancelled;
      s.cha -= reduced + cleared;
      s.mines += destroyed;
      released += cancelled + reduced + cleared;
      mines += destroyed;
      byRegion.push({ region, cancelledSqm: cancelled, reducedSqm: reduced, clearedSqm: cleared, minesDestroyed: destroyed });
      if (destroyed > 0) minesByType.set(spec.mineType, (minesByType.get(spec.mineType) ?? 0) + destroyed);
    }
    const areas: Row[] = [];
    const warnings: Row[] = [];
    for (const r of regions) {
      const s = left.get(r.region)!;
      const common = { region: r.region, contamination: r.contamination, mineType: r.mineType, emplaced: r.emplaced ?? null };
      if (r.sha && s.sha > 0) areas.push({ ...common, kind: 'sha', areaCount: scaled(r.sha, s.sha), sizeSqm: s.sha });
      if (r.cha && s.cha > 0) {
        areas.push({
          ...common,
          kind: 'cha',
          areaCount: scaled(r.cha, s.cha),
          sizeSqm: s.cha,
          estimatedMines: r.estimatedMines === undefined ? null : Math.max(0, r.estimatedMines - s.mines),
        });
      }
      for (const a of additions) {
        if (a.region === r.region && year >= a.from) {
          areas.push({ ...common, kind: a.kind, areaCount: a.count, sizeSqm: a.sqm[year] ?? null, notes: a.notes });
        }
      }
      if (s.sha > 0 || s.cha > 0) warnings.push({ area: r.region, measures: r.measures });
    }
    out[year] = {
      areas,
      byRegion,
      destroyed: [...minesByType].map(([mineType, quantity]) => ({ mineType, quantity })),
      warnings,
      total: { released, mines },
    };
  }
  return out;
}

/* ---------- Retained mines: holdings by year, so last year's total − consumed = this year's ---------- */

interface RetainedSpec {
  institution: string;
  mineType: string;
  lotNumbers?: string;
  /** Quantity held at the end of each year, from the year before the first demo report. */
  byYear: Record<number, number>;
}

function retainedValues(rows: RetainedSpec[], year: number, text: { intended: string; actual: (consumed: number) => string }): FormValues {
  const held = (y: number) => rows.reduce((s, r) => s + (r.byYear[y] ?? 0), 0);
  const last = held(year - 1);
  const consumed = last - held(year);
  if (consumed < 0) throw new Error(`demo reports: retained mines grow in ${year}`);
  return {
    retained: { holdings: rows.map((r) => ({ institution: r.institution, mineType: r.mineType, quantity: r.byYear[year], lotNumbers: r.lotNumbers ?? null })) },
    transferredTraining: { transfers: [] },
    transferredDestruction: { transfers: [] },
    use: { heldLastYear: last, consumed, intendedPurpose: text.intended, actualUse: text.actual(consumed) },
  };
}

const peopleTotal = (p: PeopleValue) =>
  Object.entries(p)
    .filter(([k]) => !k.startsWith('disability_'))
    .reduce((s, [, v]) => s + (v ?? 0), 0);

function formatNumber(n: number, lang: Language): string {
  return new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : lang).format(n);
}

/* ====================================================================================== */
/* Senegal — French; 2024 returned for clarification (the demo SN accounts start 2025)    */
/* ====================================================================================== */

function senegal(): ReportPlan[] {
  const S = 'SN';
  const land = landRelease(
    [
      { region: 'Ziguinchor', sha: [14, 610_000], cha: [9, 402_000], contamination: ['conventional'], mineType: 'UNKNOWN', emplaced: 'Années 1990 et 2000', estimatedMines: 260, measures: ['marking', 'risk_education', 'public_information'] },
      { region: 'Sédhiou', sha: [5, 185_000], cha: [3, 96_000], contamination: ['conventional'], mineType: 'PMN', emplaced: 'Années 1990', estimatedMines: 40, measures: ['marking', 'risk_education'] },
      { region: 'Kolda', sha: [2, 48_000], contamination: ['conventional'], mineType: 'UNKNOWN', measures: ['risk_education'] },
    ],
    {
      2022: [
        ['Ziguinchor', 120_000, 45_000, 62_000, 31],
        ['Sédhiou', 40_000, 12_000, 18_500, 6],
        ['Kolda', 48_000, 0, 0, 0],
      ],
      2023: [
        ['Ziguinchor', 95_000, 38_000, 71_000, 24],
        ['Sédhiou', 35_000, 15_000, 22_000, 9],
      ],
      2024: [
        ['Ziguinchor', 110_000, 40_000, 66_000, 18],
        ['Sédhiou', 60_000, 10_000, 18_500, 4],
      ],
    },
  );
  const retained: RetainedSpec[] = [{ institution: 'Centre de formation au déminage des forces armées (démo)', mineType: 'PMN', byYear: { 2021: 28, 2022: 24, 2023: 24, 2024: 18 } }];
  const cover = (year: number): FormPlan => ({
    values: {
      contacts: {
        people: [
          { organisation: 'Centre national d’action antimines (démo)', name: 'Point focal démo', position: 'Chef de la division des opérations (démo)', email: 'cnaa.demo@demo.example.org' },
          { organisation: 'Mission permanente à Genève (démo)', name: 'Conseiller démo', position: 'Conseiller désarmement (démo)', email: 'mission.sn.demo@demo.example.org' },
        ],
      },
      general: {
        language: 'fr',
        remarks: `Rapport de démonstration : les chiffres et les noms sont fictifs et servent uniquement à présenter la plateforme. Il couvre la période du 1er janvier au 31 décembre ${year} ; les superficies proviennent de la base de données nationale de démonstration.`,
      },
    },
  });
  const formC = (year: number): FormPlan => ({
    values: {
      hazards: { areas: land[year]!.areas },
      release: {
        byRegion: land[year]!.byRegion,
        methodology:
          'Chaque zone est enregistrée dans la base de données nationale après une enquête non technique. Les zones sans indice de contamination sont annulées ; l’enquête technique ramène les autres à leur périmètre confirmé, seul dépollué, manuellement ou avec des chiens détecteurs, selon les normes nationales alignées sur les IMAS. Chiffres de démonstration.',
      },
      plan: {
        hasPlan: true,
        planSummary:
          'Le plan de travail (démo) prévoit d’achever l’enquête des dernières zones de Ziguinchor et de Sédhiou puis de dépolluer les zones confirmées avant l’échéance du 1er mars 2026, à condition que l’accès aux villages concernés reste sûr.',
      },
    },
  });
  const formD = (year: number): FormPlan => ({
    values: retainedValues(retained, year, {
      intended: 'Formation des démineurs et essai des détecteurs avant leur mise en service.',
      actual: (n) => (n ? `${n} mines ont servi en ${year} à la formation de nouvelles équipes de déminage.` : `Aucune mine n’a été utilisée en ${year}.`),
    }),
  });
  const formG = (year: number): FormPlan => ({ values: { stockpile: { destroyed: [] }, minedAreas: { destroyed: land[year]!.destroyed }, discovered: { destroyed: [] } } });
  const formI = (year: number, beneficiaries: PeopleValue): FormPlan => ({
    values: {
      warnings: { areas: land[year]!.warnings },
      riskEducation: {
        beneficiaries,
        narrative:
          'Les séances d’éducation aux risques ont lieu dans les villages, les écoles et les marchés hebdomadaires, en français, en wolof, en diola et en mandingue, à des heures qui conviennent aux femmes. Les familles qui reviennent s’installer dans leur village sont informées en priorité. (Texte de démonstration.)',
      },
    },
  });
  const formJ = (year: number, casualties: PeopleValue, received: Row[], national: number, platformLastMet: string): FormPlan => ({
    values: {
      victims: {
        casualties,
        survivors: people({ female_adult: 96, female_child: 11, male_adult: 602, male_child: 47, disability_female: 107, disability_male: 649 }),
        narrative: `${peopleTotal(casualties) ? `La base de données de démonstration a enregistré ${peopleTotal(casualties)} nouvelle(s) victime(s) en ${year}.` : `Aucune nouvelle victime n’a été enregistrée en ${year} dans la base de données de démonstration.`} Les survivants bénéficient de soins d’urgence, d’une réadaptation physique au centre régional de Ziguinchor et d’un appui à des activités génératrices de revenus.`,
      },
      received: { assistance: received, nationalResources: money(national, 'XOF') },
      provided: { assistance: [] },
      cooperation: {
        resourcePlan: true,
        resourcePlanSummary: 'Le plan de mobilisation (démo) associe une contribution annuelle de l’État et des accords pluriannuels avec les partenaires, présentés lors d’une réunion annuelle.',
        nationalPlatform: true,
        platformLastMet,
        platformDescription: 'La plateforme nationale (démo) réunit le Centre national, les ministères concernés, les partenaires techniques et financiers, les opérateurs et les associations de victimes pour suivre le plan de travail.',
        needs: 'Environ 4 millions de dollars des États-Unis (estimation de démonstration) restent nécessaires pour achever l’enquête et la dépollution des zones restantes.',
        narrative: 'L’approche individualisée de juin 2023 a permis de présenter les besoins du programme à l’ensemble des partenaires. (Texte de démonstration.)',
      },
      gender: {
        integrated: true,
        narrative:
          'Les équipes d’enquête non technique comptent des enquêtrices, et les femmes, les hommes, les filles et les garçons sont consultés séparément lors du choix des zones prioritaires. Les données sur les victimes et les bénéficiaires sont ventilées par sexe, âge et handicap. (Texte de démonstration.)',
      },
      other: { narrative: null },
    },
  });
  return [
    {
      state: S,
      year: 2022,
      created: at('2023-02-14'),
      forms: {
        cover: cover(2022),
        A: {
          values: {
            measures: {
              list: [
                { kind: 'law', title: 'Loi nationale d’application de la Convention (intitulé de démonstration)', status: 'in_force', description: 'Interdit l’emploi, la mise au point, la production, le stockage et le transfert des mines antipersonnel et prévoit des sanctions pénales.' },
                { kind: 'decree', title: 'Décret portant création du Centre national d’action antimines (intitulé de démonstration)', status: 'in_force', description: 'Confie au Centre la coordination de la dépollution, de l’éducation aux risques et de l’assistance aux victimes.' },
              ],
              narrative: 'Aucune nouvelle mesure n’a été adoptée pendant la période couverte.',
            },
          },
        },
        C: formC(2022),
        D: formD(2022),
        E: { values: { facilities: { list: [], neverProduced: true } } },
        F: {
          values: {
            programmes: {
              list: [
                {
                  programme: 'art5',
                  methods: 'Destruction sur place par pétardage, ou regroupement et destruction contrôlée',
                  sites: 'Zones dépolluées des régions de Ziguinchor et de Sédhiou',
                  safetyStandards: 'Normes nationales d’action antimines alignées sur les IMAS',
                  environmentalStandards: 'Remise en état des sites ; protection des rizières et des vergers',
                  status: 'Programme en cours, mené par le Centre national et des opérateurs accrédités (démo).',
                },
              ],
            },
          },
        },
        G: formG(2022),
        I: formI(2022, people({ female_adult: 6_240, female_child: 4_980, male_adult: 5_870, male_child: 5_310, disability_female: 142, disability_male: 167 })),
        J: formJ(
          2022,
          people({ male_adult: 2 }),
          [
            aid('partner', 'Union européenne', 600_000, 'EUR', 2022, 'clearance'),
            aid('partner', 'États-Unis d’Amérique', 450_000, 'USD', 2022, 'clearance'),
            aid('partner', 'PNUD', 150_000, 'USD', 2022, 'capacity_building'),
            aid('partner', 'Bénin (centre régional de formation)', null, null, 2022, 'capacity_building', { southSouth: true, inKind: 'Formation de deux chefs d’équipe à la gestion de la qualité (coopération Sud-Sud).' }),
          ],
          350_000_000,
          '2022-11-17',
        ),
      },
      v1: { submitted: at('2023-04-26', '09:40:00'), acknowledged: at('2023-05-15'), published: at('2023-05-22') },
    },
    {
      state: S,
      year: 2023,
      created: at('2024-02-12'),
      forms: {
        cover: cover(2023),
        A: 'unchanged',
        C: formC(2023),
        D: 'unchanged',
        E: 'unchanged',
        F: 'unchanged',
        G: formG(2023),
        I: formI(2023, people({ female_adult: 7_020, female_child: 5_460, male_adult: 6_310, male_child: 5_720, disability_female: 158, disability_male: 181 })),
        J: formJ(
          2023,
          people({ male_adult: 1, male_child: 1 }),
          [
            aid('partner', 'Union européenne', 650_000, 'EUR', 2023, 'clearance'),
            aid('partner', 'États-Unis d’Amérique', 500_000, 'USD', 2023, 'clearance'),
            aid('partner', 'Japon', 45_000_000, 'JPY', 2023, 'victim_assistance'),
            aid('partner', 'Bénin (centre régional de formation)', null, null, 2023, 'capacity_building', { southSouth: true, inKind: 'Formation de quatre démineurs à la neutralisation des engins explosifs (coopération Sud-Sud).' }),
          ],
          380_000_000,
          '2023-06-21',
        ),
      },
      v1: { submitted: at('2024-04-29', '16:05:00'), acknowledged: at('2024-05-21'), published: at('2024-05-28') },
    },
    {
      state: S,
      year: 2024,
      created: at('2025-02-10'),
      forms: {
        cover: cover(2024),
        A: 'unchanged',
        C: formC(2024),
        D: formD(2024),
        E: 'unchanged',
        F: 'unchanged',
        G: formG(2024),
        I: formI(2024, people({ female_adult: 6_580, female_child: 5_120, male_adult: 6_040, male_child: 5_390, disability_female: 149, disability_male: 172 })),
        J: formJ(
          2024,
          people({ female_adult: 0, female_child: 0, male_adult: 0, male_child: 0 }),
          [
            aid('partner', 'Union européenne', 700_000, 'EUR', 2024, 'clearance'),
            aid('partner', 'États-Unis d’Amérique', 420_000, 'USD', 2024, 'clearance'),
            aid('partner', 'PNUD', 120_000, 'USD', 2024, 'capacity_building'),
          ],
          400_000_000,
          '2024-12-05',
        ),
      },
      v1: { submitted: at('2025-04-28', '11:20:00') },
      returned: {
        on: at('2025-05-27', '14:10:00'),
        isu: {
          formId: 'C',
          body: 'Merci pour ce rapport. Pourriez-vous préciser comment les 216 000 m² remis à disposition en 2024 dans la région de Ziguinchor se répartissent entre les départements de Bignona, Oussouye et Ziguinchor, et confirmer qu’il ne reste plus de zone confirmée dans la région de Sédhiou ? (Commentaire de démonstration.)',
        },
        answer: {
          on: at('2025-06-10', '09:25:00'),
          formId: 'C',
          body: 'Nous confirmons que la dernière zone confirmée de Sédhiou a été dépolluée en novembre 2024. La répartition par département sera ajoutée au formulaire C dans la version révisée. (Réponse de démonstration.)',
        },
      },
    },
  ];
}

/* ---------- Pieces every State uses ---------- */

const COVER_REMARKS: Record<Language, (year: number) => string> = {
  en: (y) => `Demo report: every figure and name in it is invented to demonstrate the platform. It covers 1 January to 31 December ${y}.`,
  fr: (y) => `Rapport de démonstration : les chiffres et les noms sont fictifs et servent uniquement à présenter la plateforme. Il couvre la période du 1er janvier au 31 décembre ${y}.`,
  es: (y) => `Informe de demostración: las cifras y los nombres son ficticios y solo sirven para presentar la plataforma. Abarca del 1 de enero al 31 de diciembre de ${y}.`,
  ru: (y) => `Демонстрационный отчёт: все цифры и названия вымышлены и служат только для показа платформы. Отчёт охватывает период с 1 января по 31 декабря ${y} г.`,
  ar: (y) => `تقرير تجريبي: جميع الأرقام والأسماء الواردة فيه افتراضية ولأغراض عرض المنصة فقط. يغطي الفترة من 1 كانون الثاني/يناير إلى 31 كانون الأول/ديسمبر ${y}.`,
};

function coverPlan(language: Language, year: number, contacts: Row[]): FormPlan {
  return { values: { contacts: { people: contacts }, general: { language, remarks: COVER_REMARKS[language](year) } } };
}

function minesDestroyedPlan(land: Record<number, LandReleaseYear>, year: number, discovered: Row[] = []): FormPlan {
  return { values: { stockpile: { destroyed: [] }, minedAreas: { destroyed: land[year]!.destroyed }, discovered: { destroyed: discovered } } };
}

/* ====================================================================================== */
/* Writing the plans                                                                      */
/* ====================================================================================== */

interface DemoState {
  state: string;
  language: Language;
  /** Author of the State's answers in clarification threads. */
  focalPoint: string;
  reports: () => ReportPlan[];
}

const DEMO_YEARS = [2022, 2023, 2024];

export const DEMO_STATES: DemoState[] = [
  { state: 'SN', language: 'fr', focalPoint: 'Point focal démo (Sénégal)', reports: senegal },
];

/** Serialises seeding across app instances sharing a PostgreSQL server. */
const SEED_LOCK_KEY = 72_107;

/**
 * Creates the demo reports of every demo State that has none yet for 2022–2024. Returns how many
 * reports this run created (0 when they were all there already).
 */
export async function seedDemoReports(database: Database, _opts: { translator: AppDeps['translator']; config: Config }): Promise<{ reports: number }> {
  return database.withAdvisoryLock(SEED_LOCK_KEY, async () => {
    let created = 0;
    for (const demo of DEMO_STATES) {
      const existing = await repo.listReportsOfState(database.db, demo.state);
      if (existing.some((r) => r.kind === 'annual' && DEMO_YEARS.includes(r.year))) continue;
      const plans = demo.reports().sort((a, b) => a.year - b.year);
      await withTransaction(database.db, async (tx) => {
        let previous: Previous | undefined;
        for (const plan of plans) previous = (await seedReport(tx, demo, plan, previous)) ?? previous;
      });
      created += plans.length;
    }
    return { reports: created };
  });
}

type WorkingForm = Pick<ReportFormRow, 'formId' | 'status' | 'unchangedSinceYear' | 'values' | 'explanations'>;
/** The State's last submitted version so far (what "unchanged" and carry-forward start from). */
interface Previous {
  year: number;
  snapshot: ReportSnapshot;
}

/** Writes one report with its working copy, versions, comments and audit event; returns its latest version. */
async function seedReport(tx: Tx, demo: DemoState, plan: ReportPlan, previous: Previous | undefined): Promise<Previous | undefined> {
  const o = annualObligation(plan.year);
  // The status the report reaches, walked through the state machine.
  const actions: ReportAction[] = [];
  if (plan.v1) actions.push('submit', ...(plan.returned ? (['return'] as const) : []), ...reviewActions(plan.v1));
  if (plan.correction) actions.push('start_correction', 'submit', ...reviewActions(plan.correction.version));
  const status = actions.reduce<ReportStatus>((s, a) => nextStatus(s, a), 'draft');
  const versionPlans = [plan.v1, plan.correction?.version].filter((v): v is VersionPlan => !!v);
  const latest = versionPlans.at(-1);
  const published = versionPlans.map((v, i) => (v.published ? i + 1 : 0)).filter(Boolean).at(-1);
  const report = await repo.insertReport(tx, {
    id: randomUUID(),
    stateIso2: plan.state,
    kind: 'annual',
    year: plan.year,
    periodStart: o.periodStart,
    periodEnd: o.periodEnd,
    dueDate: o.dueDate,
    status,
    visibility: plan.visibility ?? 'public',
    formatVersion: CURRENT_FORMAT.version,
    language: demo.language,
    currentVersionNo: versionPlans.length,
    publishedVersionNo: published ?? null,
    submittedAt: latest ? new Date(latest.submitted) : null,
    returnedAt: plan.returned ? new Date(plan.returned.on) : null,
    acknowledgedAt: latest?.acknowledged ? new Date(latest.acknowledged) : null,
    publishedAt: published ? new Date(versionPlans[published - 1]!.published!) : null,
    createdAt: new Date(plan.created),
    isDemo: true,
  });

  let forms = buildForms(plan, plan.forms, plan.v1 ? 'final' : 'draft', previous, undefined);
  let last: Previous | undefined;
  let reportNothingNew = report.nothingNew;
  for (const [i, v] of versionPlans.entries()) {
    if (i === 1) forms = buildForms(plan, plan.correction!.forms, 'correction', previous, forms);
    forms = await explainWarnings(tx, report, forms, demo.language, plan);
    const snapshot = snapshotOf(forms.map((f) => rowOf(report.id, f)));
    const nothingNew = forms.every((f) => f.formId === 'cover' || f.status === 'unchanged' || f.status === 'not_applicable');
    await repo.insertVersion(tx, {
      reportId: report.id,
      versionNo: i + 1,
      reason: i === 1 ? plan.correction!.reason : null,
      formatVersion: report.formatVersion,
      language: report.language,
      visibility: report.visibility,
      nothingNew,
      snapshot: snapshot as unknown as Record<string, unknown>,
      submittedAt: new Date(v.submitted),
      acknowledgedAt: v.acknowledged ? new Date(v.acknowledged) : null,
      publishedAt: v.published ? new Date(v.published) : null,
    });
    if (nothingNew !== reportNothingNew) await repo.updateReport(tx, report.id, { nothingNew });
    reportNothingNew = nothingNew;
    last = { year: plan.year, snapshot };
  }
  await repo.insertForms(tx, forms.map((f) => ({ ...f, reportId: report.id })));
  if (plan.returned) {
    const { isu, answer } = plan.returned;
    await repo.insertComment(tx, { reportId: report.id, formId: isu.formId, authorName: ISU_AUTHOR, authorSide: 'isu', body: isu.body, createdAt: new Date(plan.returned.on) });
    await repo.insertComment(tx, { reportId: report.id, formId: answer.formId, authorName: demo.focalPoint, authorSide: 'state', body: answer.body, createdAt: new Date(answer.on) });
  }
  await recordAudit(tx, SEED_ACTOR, {
    action: 'reporting.report.seeded',
    entityType: 'report',
    entityId: report.id,
    summary: { state: plan.state, kind: 'annual', year: plan.year, status, versions: versionPlans.length, demo: true },
  });
  return last;
}

function reviewActions(v: VersionPlan): ReportAction[] {
  return [...(v.acknowledged ? (['acknowledge'] as const) : []), ...(v.published ? (['publish'] as const) : [])];
}

function rowOf(reportId: string, f: WorkingForm): ReportFormRow {
  return { ...f, reportId, version: 1, updatedAt: new Date(), updatedBy: null };
}

const hasContent = (values: FormValues) => Object.values(values).some((section) => Object.values(section ?? {}).some((v) => !isEmpty(v)));

/**
 * The working copy after the State's edits, as createReport (carry-forward), saveForm (json, then
 * completed), markFormUnchanged and markFormNotApplicable would leave it. `final`: every form the
 * plan leaves out is not applicable; `draft`: it stays as carried forward; `correction`: it keeps
 * what the submitted version had.
 */
function buildForms(plan: ReportPlan, forms: Record<string, FormPlan>, mode: 'final' | 'draft' | 'correction', previous: Previous | undefined, current: WorkingForm[] | undefined): WorkingForm[] {
  return CURRENT_FORMAT.forms.map((def) => {
    const fail = (why: string): never => {
      throw new Error(`demo reports: ${plan.state} ${plan.year} form ${def.id}: ${why}`);
    };
    const carried = previous?.snapshot.forms[def.id];
    const p = forms[def.id] ?? (mode === 'final' ? 'not_applicable' : undefined);
    if (p === undefined) {
      const kept = current?.find((f) => f.formId === def.id);
      if (kept) return { ...kept, explanations: {} };
      const values = carried?.values ?? {};
      return { formId: def.id, status: hasContent(values) ? 'in_progress' : 'not_started', unchangedSinceYear: null, values, explanations: {} };
    }
    if (p === 'not_applicable') {
      if (def.id === 'cover') fail('the cover page is always applicable');
      return { formId: def.id, status: 'not_applicable', unchangedSinceYear: null, values: {}, explanations: {} };
    }
    if (p === 'unchanged') {
      if (!previous || !carried || carried.status === 'not_applicable' || carried.status === 'not_started') fail('nothing to keep unchanged');
      const since = carried!.status === 'unchanged' && carried!.unchangedSinceYear ? carried!.unchangedSinceYear : previous!.year;
      return { formId: def.id, status: 'unchanged', unchangedSinceYear: since, values: carried!.values, explanations: {} };
    }
    const completed = 'values' in p;
    const parsed = readSubmission(def, completed ? p.values : p.draft, { json: true });
    if (parsed.issues.length) fail(JSON.stringify(parsed.issues));
    const errors = validateFields(def, parsed.values, { forms: {}, period: { start: `${plan.year}-01-01`, end: `${plan.year}-12-31` } }).filter((i) => i.severity === 'error');
    if (completed && errors.length) fail(JSON.stringify(errors));
    const status: FormStatus = completed ? 'complete' : hasContent(parsed.values) ? 'in_progress' : 'not_started';
    return { formId: def.id, status, unchangedSinceYear: null, values: parsed.values, explanations: {} };
  });
}

/** Checks the forms as submitReport does and attaches an explanation to every warning. */
async function explainWarnings(tx: Tx, report: ReportRow, forms: WorkingForm[], language: Language, plan: ReportPlan): Promise<WorkingForm[]> {
  const check = await checkReport(tx, report, forms.map((f) => rowOf(report.id, f)));
  if (check.unfinished.length || check.errors.length) {
    throw new Error(`demo reports: ${plan.state} ${plan.year} cannot be submitted: ${JSON.stringify({ unfinished: check.unfinished, errors: check.errors })}`);
  }
  const byForm: Record<string, Record<string, string>> = {};
  for (const w of check.warnings) {
    (byForm[w.formId] ??= {})[w.path] = plan.explanations?.[`${w.formId}:${w.path}`] ?? plan.explanations?.[`${w.formId}:${w.message}`] ?? FALLBACK_EXPLANATION[language];
  }
  return forms.map((f) => ({ ...f, explanations: byForm[f.formId] ?? {} }));
}
