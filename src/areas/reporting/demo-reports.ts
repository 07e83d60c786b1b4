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
function landRelease(regions: RegionSpec[], releases: Record<number, Release[]>, additions: Addition[] = []): Record<number, LandReleaseYear> {
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
  const individualised: Record<number, string> = {
    2022: 'Le Sénégal prépare une réunion d’approche individualisée afin de présenter l’état de son programme et ses besoins à l’ensemble des partenaires. (Texte de démonstration.)',
    2023: 'La réunion d’approche individualisée de juin 2023 a permis de présenter l’état du programme et ses besoins à l’ensemble des partenaires ; la plateforme nationale a été créée à sa suite. (Texte de démonstration.)',
    2024: 'Les engagements pris lors de la réunion d’approche individualisée de 2023 sont suivis au sein de la plateforme nationale. (Texte de démonstration.)',
  };
  /** `platformLastMet` null: no national platform yet (it was set up after the 2023 individualised approach). */
  const formJ = (year: number, casualties: PeopleValue, received: Row[], national: number, platformLastMet: string | null): FormPlan => ({
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
        ...(platformLastMet
          ? {
              nationalPlatform: true,
              platformLastMet,
              platformDescription:
                'La plateforme nationale (démo) réunit le Centre national, les ministères concernés, les partenaires techniques et financiers, les opérateurs et les associations de victimes pour suivre le plan de travail.',
            }
          : { nationalPlatform: false }),
        needs: 'Environ 4 millions de dollars des États-Unis (estimation de démonstration) restent nécessaires pour achever l’enquête et la dépollution des zones restantes.',
        narrative: individualised[year],
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
          null,
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
          '2023-11-30',
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

/* ====================================================================================== */
/* Iraq — Arabic; 2023 corrected after publication, 2024 a draft in progress              */
/* ====================================================================================== */

function iraq(): ReportPlan[] {
  const S = 'IQ';
  const war = 'الحرب العراقية الإيرانية (1980–1988)';
  const land = landRelease(
    [
      { region: 'البصرة', sha: [58, 21_400_000], cha: [196, 57_800_000], contamination: ['conventional'], mineType: 'VALMARA-69', emplaced: war, measures: ['marking', 'fencing', 'risk_education'] },
      { region: 'ميسان', sha: [31, 9_600_000], cha: [112, 34_200_000], contamination: ['conventional'], mineType: 'PMN', emplaced: war, measures: ['marking', 'risk_education'] },
      { region: 'ديالى', sha: [22, 6_100_000], cha: [47, 12_700_000], contamination: ['conventional'], mineType: 'VS-50', emplaced: war, measures: ['marking', 'risk_education'] },
      { region: 'نينوى', sha: [95, 18_900_000], cha: [140, 26_300_000], contamination: ['improvised'], mineType: 'IMPROVISED', emplaced: '2014–2017', measures: ['marking', 'risk_education', 'public_information'] },
      { region: 'الأنبار', sha: [70, 15_200_000], cha: [88, 19_800_000], contamination: ['improvised'], mineType: 'IMPROVISED', emplaced: '2014–2017', measures: ['marking', 'risk_education', 'public_information'] },
      { region: 'السليمانية', sha: [40, 8_300_000], cha: [185, 41_500_000], contamination: ['conventional'], mineType: 'VALMARA-69', emplaced: 'الثمانينيات', measures: ['marking', 'fencing', 'risk_education'] },
    ],
    {
      2022: [
        ['البصرة', 3_200_000, 1_150_000, 2_480_000, 1_240],
        ['ميسان', 1_100_000, 620_000, 1_310_000, 480],
        ['ديالى', 560_000, 210_000, 470_000, 190],
        ['نينوى', 2_050_000, 940_000, 1_720_000, 860],
        ['الأنبار', 1_430_000, 710_000, 1_260_000, 610],
        ['السليمانية', 480_000, 830_000, 1_590_000, 1_020],
      ],
      2023: [
        ['البصرة', 3_550_000, 1_320_000, 2_760_000, 1_310],
        ['ميسان', 1_240_000, 580_000, 1_450_000, 520],
        ['ديالى', 610_000, 260_000, 520_000, 170],
        ['نينوى', 2_300_000, 1_080_000, 1_940_000, 930],
        ['الأنبار', 1_520_000, 760_000, 1_390_000, 580],
        ['السليمانية', 520_000, 910_000, 1_710_000, 1_090],
      ],
      2024: [
        ['البصرة', 3_700_000, 1_280_000, 2_900_000, 1_180],
        ['ميسان', 1_180_000, 640_000, 1_520_000, 450],
        ['ديالى', 590_000, 240_000, 560_000, 160],
        ['نينوى', 2_450_000, 1_120_000, 2_060_000, 880],
        ['الأنبار', 1_600_000, 820_000, 1_470_000, 540],
        ['السليمانية', 560_000, 960_000, 1_820_000, 1_010],
      ],
    },
  );
  const contacts = [
    { organisation: 'دائرة شؤون الألغام (تجريبي)', name: 'منسق تجريبي', position: 'مدير قسم التخطيط (تجريبي)', email: 'dma.demo@demo.example.org' },
    { organisation: 'مديرية شؤون الألغام في إقليم كردستان (تجريبي)', name: 'منسقة تجريبية', position: 'مسؤولة إدارة المعلومات (تجريبي)', email: 'kurdistan.demo@demo.example.org' },
  ];
  const formC = (year: number): FormValues => ({
    hazards: { areas: land[year]!.areas },
    release: {
      byRegion: land[year]!.byRegion,
      methodology:
        'تُسجَّل كل منطقة في قاعدة البيانات الوطنية بعد المسح غير التقني. تُلغى المناطق التي لا يوجد دليل على تلوثها، ويُقلِّص المسح التقني المناطق الأخرى إلى حدودها المؤكدة التي تُطهَّر وحدها يدوياً أو آلياً أو بالاستعانة بالكلاب الكاشفة، وفق المعايير الوطنية المستندة إلى المعايير الدولية للإجراءات المتعلقة بالألغام. تشمل الأرقام الألغام المضادة للأفراد ذات الطابع المرتجل في نينوى والأنبار. (أرقام تجريبية)',
    },
    plan: {
      hasPlan: true,
      planSummary:
        'تحدد الخطة الوطنية (التجريبية) أهدافاً سنوية لكل محافظة حتى الموعد النهائي للمادة 5 في 1 شباط/فبراير 2028، مع إعطاء الأولوية للأراضي الزراعية وطرق عودة النازحين ومرافق المياه والكهرباء.',
    },
  });
  const formI = (year: number, beneficiaries: PeopleValue): FormPlan => ({
    values: {
      warnings: { areas: land[year]!.warnings },
      riskEducation: {
        beneficiaries,
        narrative:
          'تنظم فرق التوعية بمخاطر الذخائر المتفجرة جلسات في المدارس ومخيمات النازحين والقرى القريبة من المناطق الخطرة، مع جلسات منفصلة للنساء تقدمها ميسِّرات، وتبث رسائل عبر الإذاعة ووسائل التواصل الاجتماعي قبل مواسم الرعي وجمع الكمأ. (نص تجريبي)',
      },
    },
  });
  const survivors = people({ female_adult: 1_450, female_child: 380, male_adult: 21_600, male_child: 2_950, unknown_unknown: 1_200, disability_female: 1_830, disability_male: 24_550, disability_unknown: 1_200 });
  const victims = (year: number, casualties: PeopleValue) => ({
    casualties,
    survivors,
    narrative: `سجّلت قاعدة البيانات الوطنية التجريبية ${peopleTotal(casualties)} إصابة جديدة في عام ${year}. يحصل الناجون على الإسعاف والرعاية الطبية والأطراف الاصطناعية وإعادة التأهيل البدني في المراكز الحكومية، ويُحال بعضهم إلى برامج الدعم النفسي والتمكين الاقتصادي.`,
  });
  const cooperation = (lastMet: string, narrative: string) => ({
    resourcePlan: false,
    nationalPlatform: true,
    platformLastMet: lastMet,
    platformDescription:
      'يجتمع المنتدى الوطني (التجريبي) للإجراءات المتعلقة بالألغام مرتين في السنة بحضور الجهات الحكومية في بغداد وإقليم كردستان والمانحين ووكالات الأمم المتحدة والمنظمات المنفذة، لتنسيق الأولويات وتجنب ازدواجية التمويل.',
    needs: 'يحتاج البرنامج إلى دعم إضافي لمسح المناطق الملوثة بالألغام ذات الطابع المرتجل وتطهيرها في المحافظات المحررة، وإلى تعزيز قدرات إدارة المعلومات وضمان الجودة. (تقدير تجريبي)',
    narrative,
  });
  const gender = {
    integrated: true,
    narrative:
      'تضم فرق المسح غير التقني والتوعية نساءً لتيسير التواصل مع النساء في المجتمعات المتأثرة، وتُجمع البيانات مصنفة حسب الجنس والعمر والإعاقة، ويُستشار النساء والرجال كلٌّ على حدة في تحديد أولويات تطهير الأراضي الزراعية. (نص تجريبي)',
  };
  const jordan = (year: number) => aid('partner', 'الأردن', null, null, year, 'capacity_building', { southSouth: true, inKind: 'تدريب موظفين على إدارة معلومات الإجراءات المتعلقة بالألغام (تعاون بين بلدان الجنوب).' });
  const received2023 = (germany: number) => [
    aid('partner', 'الولايات المتحدة الأمريكية', 32_000_000, 'USD', 2023, 'clearance'),
    aid('partner', 'ألمانيا', germany, 'EUR', 2023, 'clearance'),
    aid('partner', 'اليابان', 1_050_000_000, 'JPY', 2023, 'clearance'),
    aid('partner', 'الاتحاد الأوروبي', 10_000_000, 'EUR', 2023, 'clearance'),
    aid('partner', 'النرويج', 52_000_000, 'NOK', 2023, 'clearance'),
    aid('partner', 'المملكة المتحدة', 5_500_000, 'GBP', 2023, 'risk_education'),
    jordan(2023),
  ];
  const formJ2023 = (germany: number): FormPlan => ({
    values: {
      victims: victims(2023, people({ male_adult: 61, male_child: 27, female_adult: 8, female_child: 10, unknown_unknown: 3, disability_male: 5 })),
      received: { assistance: received2023(germany), nationalResources: money(15_200_000_000, 'IQD') },
      provided: { assistance: [] },
      cooperation: cooperation('2023-11-08', 'بدأت دائرة شؤون الألغام في عام 2023 مشاورات مع الشركاء لإعداد خطة لتعبئة الموارد. (نص تجريبي)'),
      gender,
      other: { narrative: null },
    },
  });
  return [
    {
      state: S,
      year: 2022,
      created: at('2023-02-20'),
      forms: {
        cover: coverPlan('ar', 2022, contacts),
        A: {
          values: {
            measures: {
              list: [
                { kind: 'law', title: 'قانون انضمام العراق إلى اتفاقية حظر الألغام المضادة للأفراد (عنوان تجريبي)', status: 'in_force', description: 'يحظر استعمال الألغام المضادة للأفراد وإنتاجها وتخزينها ونقلها.' },
                { kind: 'administrative', title: 'تعليمات اعتماد المنظمات العاملة في الإجراءات المتعلقة بالألغام (عنوان تجريبي)', status: 'in_force', description: 'تحدد شروط الاعتماد والرقابة على الجودة.' },
              ],
              narrative: 'لم تُعتمد تدابير تشريعية أو إدارية جديدة خلال الفترة المشمولة بالتقرير، وتبقى التدابير المذكورة نافذة.',
            },
          },
        },
        C: { values: formC(2022) },
        F: {
          values: {
            programmes: {
              list: [
                {
                  programme: 'art5',
                  methods: 'الإتلاف في الموقع بالتفجير المتحكَّم به، أو النقل إلى مواقع الإتلاف المركزية',
                  sites: 'مواقع الإتلاف المعتمدة في المحافظات المتأثرة',
                  safetyStandards: 'المعايير الوطنية للإجراءات المتعلقة بالألغام المستندة إلى المعايير الدولية',
                  environmentalStandards: 'إعادة تأهيل مواقع الإتلاف وحماية مصادر المياه',
                  status: 'البرنامج مستمر بمشاركة الفرق الحكومية ومنظمات معتمدة (بيانات تجريبية).',
                },
              ],
            },
          },
        },
        G: minesDestroyedPlan(land, 2022),
        I: formI(2022, people({ female_adult: 68_400, female_child: 92_300, male_adult: 81_200, male_child: 104_600, disability_female: 1_120, disability_male: 1_540 })),
        J: {
          values: {
            victims: victims(2022, people({ male_adult: 68, male_child: 31, female_adult: 9, female_child: 12, unknown_unknown: 4, disability_male: 6, disability_female: 1 })),
            received: {
              assistance: [
                aid('partner', 'الولايات المتحدة الأمريكية', 35_000_000, 'USD', 2022, 'clearance'),
                aid('partner', 'ألمانيا', 12_500_000, 'EUR', 2022, 'clearance'),
                aid('partner', 'اليابان', 1_100_000_000, 'JPY', 2022, 'clearance'),
                aid('partner', 'الاتحاد الأوروبي', 9_000_000, 'EUR', 2022, 'clearance'),
                aid('partner', 'النرويج', 55_000_000, 'NOK', 2022, 'clearance'),
                aid('partner', 'المملكة المتحدة', 6_000_000, 'GBP', 2022, 'risk_education'),
                jordan(2022),
              ],
              nationalResources: money(14_500_000_000, 'IQD'),
            },
            provided: { assistance: [] },
            cooperation: cooperation('2022-10-12', 'تُنسَّق المساعدة الدولية من خلال المنتدى الوطني وخطط العمل السنوية للمحافظات. (نص تجريبي)'),
            gender,
            other: { narrative: null },
          },
        },
      },
      v1: { submitted: at('2023-04-30', '13:15:00'), acknowledged: at('2023-05-24'), published: at('2023-06-01') },
    },
    {
      state: S,
      year: 2023,
      created: at('2024-02-19'),
      forms: {
        cover: coverPlan('ar', 2023, contacts),
        A: 'unchanged',
        B: {
          values: {
            stockpile: { stocks: [] },
            discovered: {
              stocks: [{ mineType: 'VS-50', quantity: 146, discoveredOn: '2023-03-14', place: 'مستودع عسكري سابق في محافظة صلاح الدين', notes: 'عُثر عليها أثناء المسح غير التقني (بيانات تجريبية).' }],
            },
          },
        },
        C: { values: formC(2023) },
        F: 'unchanged',
        G: minesDestroyedPlan(land, 2023, [{ mineType: 'VS-50', quantity: 146, destroyedOn: '2023-05-09', notes: 'أُتلفت في موقع الإتلاف المركزي (بيانات تجريبية).' }]),
        I: formI(2023, people({ female_adult: 71_900, female_child: 95_100, male_adult: 84_600, male_child: 108_300, disability_female: 1_210, disability_male: 1_620 })),
        // Version 1 went out with the German contribution mistyped; version 2 corrects it.
        J: formJ2023(1_250_000),
      },
      v1: { submitted: at('2024-04-25', '10:50:00'), acknowledged: at('2024-05-14'), published: at('2024-05-20') },
      correction: {
        forms: { J: formJ2023(12_500_000) },
        reason: 'يصحح الإصدار الثاني مبلغ مساهمة ألمانيا في الاستمارة ياء: 12,500,000 يورو بدلاً من 1,250,000 يورو. (بيانات تجريبية)',
        version: { submitted: at('2024-07-08', '09:30:00'), acknowledged: at('2024-07-16'), published: at('2024-07-22') },
      },
    },
    {
      // In progress: the 2023 content was carried forward; the land release and casualties are being updated.
      state: S,
      year: 2024,
      created: at('2025-03-10'),
      forms: {
        cover: coverPlan('ar', 2024, contacts),
        C: { draft: formC(2024) },
        D: 'not_applicable',
        E: 'not_applicable',
        H: 'not_applicable',
        J: {
          draft: {
            victims: victims(2024, people({ male_adult: 52, male_child: 24, female_adult: 7, female_child: 9, disability_male: 4 })),
            received: {
              assistance: [aid('partner', 'الولايات المتحدة الأمريكية', 30_000_000, 'USD', 2024, 'clearance'), aid('partner', 'الاتحاد الأوروبي', 10_500_000, 'EUR', 2024, 'clearance')],
              nationalResources: null,
            },
          },
        },
      },
    },
  ];
}

/* ====================================================================================== */
/* Cambodia — English; South–South provider; 2024 submitted, awaiting review             */
/* ====================================================================================== */

function cambodia(): ReportPlan[] {
  const S = 'KH';
  const m = (mineType: string): Pick<RegionSpec, 'contamination' | 'mineType' | 'emplaced' | 'measures'> => ({ contamination: ['conventional'], mineType, emplaced: '1979–1998', measures: ['marking', 'risk_education'] });
  const land = landRelease(
    [
      { region: 'Battambang', sha: [310, 22_600_000], cha: [540, 38_400_000], ...m('TYPE-72') },
      { region: 'Banteay Meanchey', sha: [190, 14_100_000], cha: [410, 29_700_000], ...m('PMN-2') },
      { region: 'Oddar Meanchey', sha: [220, 16_800_000], cha: [380, 27_900_000], ...m('TYPE-72') },
      { region: 'Pailin', sha: [90, 5_400_000], cha: [260, 15_200_000], ...m('POMZ-2') },
      { region: 'Preah Vihear', sha: [120, 9_800_000], cha: [210, 13_600_000], ...m('PMN-2') },
      { region: 'Pursat', sha: [80, 4_900_000], cha: [150, 8_300_000], ...m('TYPE-72') },
    ],
    {
      2022: [
        ['Battambang', 2_600_000, 1_400_000, 3_900_000, 610],
        ['Banteay Meanchey', 1_700_000, 1_100_000, 2_800_000, 540],
        ['Oddar Meanchey', 1_900_000, 1_000_000, 2_600_000, 720],
        ['Pailin', 600_000, 500_000, 1_500_000, 260],
        ['Preah Vihear', 900_000, 500_000, 1_200_000, 180],
        ['Pursat', 500_000, 300_000, 800_000, 90],
      ],
      2023: [
        ['Battambang', 2_750_000, 1_450_000, 4_100_000, 580],
        ['Banteay Meanchey', 1_800_000, 1_150_000, 2_950_000, 495],
        ['Oddar Meanchey', 2_000_000, 1_050_000, 2_700_000, 655],
        ['Pailin', 650_000, 520_000, 1_600_000, 240],
        ['Preah Vihear', 950_000, 540_000, 1_300_000, 170],
        ['Pursat', 560_000, 320_000, 850_000, 75],
      ],
      2024: [
        ['Battambang', 2_900_000, 1_500_000, 4_250_000, 540],
        ['Banteay Meanchey', 1_850_000, 1_200_000, 3_050_000, 470],
        ['Oddar Meanchey', 2_100_000, 1_100_000, 2_850_000, 610],
        ['Pailin', 700_000, 540_000, 1_650_000, 215],
        ['Preah Vihear', 1_000_000, 560_000, 1_350_000, 150],
        ['Pursat', 600_000, 340_000, 900_000, 70],
      ],
    },
  );
  const retained: RetainedSpec[] = [
    { institution: 'Demo Mine Action Centre – training school', mineType: 'TYPE-72', byYear: { 2021: 1_380, 2022: 1_326, 2023: 1_270, 2024: 1_222 } },
    { institution: 'Demo Mine Action Centre – training school', mineType: 'PMN-2', byYear: { 2021: 1_030, 2022: 988, 2023: 941, 2024: 902 } },
  ];
  const contacts = [
    { organisation: 'Demo National Mine Action Authority', name: 'Demo Focal Point', position: 'Deputy Director, reporting (demo)', email: 'authority.kh.demo@demo.example.org' },
  ];
  const year = (y: number, o: { re: PeopleValue; casualties: PeopleValue; received: Row[]; national: number; provided: Row[]; platformLastMet: string }): Record<string, FormPlan> => ({
    cover: coverPlan('en', y, contacts),
    C: {
      values: {
        hazards: { areas: land[y]!.areas },
        release: {
          byRegion: land[y]!.byRegion,
          methodology:
            'The baseline comes from the demo national database, completed province by province. Land is cancelled by non-technical survey where there is no evidence of mines, reduced by technical survey to the confirmed perimeter, and cleared manually, mechanically or with mine detection dogs under the national standards, which follow IMAS. Demo figures.',
        },
        plan: {
          hasPlan: true,
          planSummary:
            'The demo national strategy sets yearly release targets per province until the Article 5 deadline of 31 December 2030, putting first the land that communities ask for farming and resettlement.',
        },
      },
    },
    D: {
      values: retainedValues(retained, y, {
        intended: 'Training of deminers and mine detection dogs, and testing of detectors before they are deployed.',
        actual: (n) => `${n} mines were used in ${y} for deminer and dog team training and for detector tests.`,
      }),
    },
    G: minesDestroyedPlan(land, y),
    I: {
      values: {
        warnings: { areas: land[y]!.warnings },
        riskEducation: {
          beneficiaries: o.re,
          narrative:
            'Risk education teams visit villages next to hazardous areas, schools and the routes taken by seasonal migrant workers along the border. Sessions for farmers are held early in the morning and in the evening, and the Khmer materials rely on pictures for people who cannot read. (Demo text.)',
        },
      },
    },
    J: {
      values: {
        victims: {
          casualties: o.casualties,
          survivors: people({ female_adult: 3_900, female_child: 210, male_adult: 36_800, male_child: 1_150, disability_female: 4_110, disability_male: 37_950 }),
          narrative: `The demo national database recorded ${peopleTotal(o.casualties)} new casualties in ${y}, most of them men working in fields and forests. Survivors receive emergency care, physical rehabilitation at provincial centres and referral to disability allowances.`,
        },
        received: { assistance: o.received, nationalResources: money(o.national, 'USD') },
        provided: { assistance: o.provided },
        cooperation: {
          resourcePlan: true,
          resourcePlanSummary: 'The demo resource mobilisation strategy combines a growing national budget with multi-year donor agreements, reviewed at a yearly partnership meeting.',
          nationalPlatform: true,
          platformLastMet: o.platformLastMet,
          platformDescription: 'The demo coordination committee brings the national authority, operators, donors, United Nations agencies and civil society together twice a year to review progress and agree priorities.',
          needs: 'About USD 120 million (demo estimate) is still needed to release the remaining mined areas by 2030.',
          narrative: 'Cambodia shares its experience with other affected States through training courses and exchange visits. (Demo text.)',
        },
        gender: {
          integrated: true,
          narrative:
            'Survey and clearance teams include women deminers and team leaders, and community liaison teams consult women, men, girls and boys separately when land is prioritised. Survivors with disabilities take part in planning victim assistance services. (Demo text.)',
        },
        other: { narrative: null },
      },
    },
  });
  const colombia = (y: number) => aid('recipient', 'Colombia', null, null, y, 'capacity_building', { southSouth: true, inKind: 'Training of Colombian deminers and quality management officers in Cambodia (South–South cooperation).' });
  const ukraine = (y: number) => aid('recipient', 'Ukraine', null, null, y, 'capacity_building', { inKind: 'Deminer and mechanical demining training with Japanese support (triangular cooperation).' });
  const first = year(2022, {
    re: people({ female_adult: 74_500, female_child: 61_200, male_adult: 71_800, male_child: 64_900, disability_female: 1_450, disability_male: 1_730 }),
    casualties: people({ male_adult: 38, male_child: 14, female_adult: 9, female_child: 5, disability_male: 3, disability_female: 1 }),
    received: [
      aid('partner', 'Japan', 1_450_000_000, 'JPY', 2022, 'clearance'),
      aid('partner', 'Australia', 6_500_000, 'AUD', 2022, 'clearance'),
      aid('partner', 'United States of America', 7_800_000, 'USD', 2022, 'clearance'),
      aid('partner', 'UNDP (multi-donor project)', 3_900_000, 'USD', 2022, 'capacity_building'),
      aid('partner', 'Republic of Korea', 1_500_000, 'USD', 2022, 'victim_assistance'),
    ],
    national: 9_200_000,
    provided: [colombia(2022)],
    platformLastMet: '2022-10-20',
  });
  return [
    {
      state: S,
      year: 2022,
      created: at('2023-01-30'),
      forms: {
        ...first,
        A: {
          values: {
            measures: {
              list: [{ kind: 'law', title: 'Demo Law on the Prohibition of Anti-Personnel Mines', status: 'in_force', description: 'Prohibits the production, use, stockpiling and transfer of anti-personnel mines and sets penal sanctions (demo entry).' }],
              narrative: 'No new measures were adopted during the reporting period.',
            },
          },
        },
        E: { values: { facilities: { list: [], neverProduced: true } } },
        F: {
          values: {
            programmes: {
              list: [
                {
                  programme: 'art5',
                  methods: 'Destruction in situ, or at daily demolition points',
                  sites: 'Cleared areas in the north-western provinces',
                  safetyStandards: 'National mine action standards, aligned with IMAS',
                  environmentalStandards: 'Environmental management chapter of the national standards; demolition sites restored',
                  status: 'Ongoing, through national and international operators accredited by the demo authority.',
                },
              ],
            },
          },
        },
      },
      v1: { submitted: at('2023-04-19', '08:45:00'), acknowledged: at('2023-05-08'), published: at('2023-05-15') },
    },
    {
      state: S,
      year: 2023,
      created: at('2024-02-01'),
      forms: {
        ...year(2023, {
          re: people({ female_adult: 77_100, female_child: 63_800, male_adult: 73_400, male_child: 66_200, disability_female: 1_510, disability_male: 1_790 }),
          casualties: people({ male_adult: 31, male_child: 10, female_adult: 7, female_child: 4, disability_male: 2 }),
          received: [
            aid('partner', 'Japan', 1_450_000_000, 'JPY', 2023, 'clearance'),
            aid('partner', 'Australia', 6_800_000, 'AUD', 2023, 'clearance'),
            aid('partner', 'United States of America', 8_200_000, 'USD', 2023, 'clearance'),
            aid('partner', 'UNDP (multi-donor project)', 3_600_000, 'USD', 2023, 'capacity_building'),
            aid('partner', 'Republic of Korea', 1_600_000, 'USD', 2023, 'victim_assistance'),
          ],
          national: 9_600_000,
          provided: [colombia(2023), ukraine(2023)],
          platformLastMet: '2023-10-26',
        }),
        A: 'unchanged',
        E: 'unchanged',
        F: 'unchanged',
      },
      v1: { submitted: at('2024-04-22', '07:55:00'), acknowledged: at('2024-05-10'), published: at('2024-05-17') },
    },
    {
      state: S,
      year: 2024,
      created: at('2025-02-03'),
      forms: {
        ...year(2024, {
          re: people({ female_adult: 75_300, female_child: 60_900, male_adult: 72_000, male_child: 63_700, disability_female: 1_480, disability_male: 1_760 }),
          casualties: people({ male_adult: 27, male_child: 9, female_adult: 6, female_child: 3, disability_male: 2, disability_female: 1 }),
          received: [
            aid('partner', 'Japan', 1_520_000_000, 'JPY', 2024, 'clearance'),
            aid('partner', 'Australia', 7_000_000, 'AUD', 2024, 'clearance'),
            aid('partner', 'United States of America', 8_000_000, 'USD', 2024, 'clearance'),
            aid('partner', 'UNDP (multi-donor project)', 3_300_000, 'USD', 2024, 'capacity_building'),
            aid('partner', 'Republic of Korea', 1_700_000, 'USD', 2024, 'victim_assistance'),
          ],
          national: 10_100_000,
          provided: [colombia(2024), ukraine(2024)],
          platformLastMet: '2024-10-24',
        }),
        A: 'unchanged',
        E: 'unchanged',
        F: 'unchanged',
      },
      v1: { submitted: at('2025-04-23', '09:10:00') },
    },
  ];
}

/* ====================================================================================== */
/* Colombia — Spanish; gender & diversity added from 2023; 2024 acknowledged              */
/* ====================================================================================== */

function colombia(): ReportPlan[] {
  const S = 'CO';
  const m: Pick<RegionSpec, 'contamination' | 'mineType' | 'emplaced' | 'measures'> = { contamination: ['improvised'], mineType: 'IMPROVISED', emplaced: '1990–2016', measures: ['marking', 'risk_education', 'public_information'] };
  const land = landRelease(
    [
      { region: 'Antioquia', sha: [48, 1_450_000], cha: [21, 640_000], ...m },
      { region: 'Meta', sha: [22, 610_000], cha: [9, 260_000], ...m },
      { region: 'Caquetá', sha: [31, 870_000], cha: [12, 330_000], ...m },
      { region: 'Nariño', sha: [27, 760_000], cha: [15, 310_000], ...m },
      { region: 'Cauca', sha: [35, 940_000], cha: [18, 360_000], ...m },
      { region: 'Norte de Santander', sha: [40, 1_120_000], cha: [25, 480_000], ...m },
    ],
    {
      2022: [
        ['Antioquia', 310_000, 90_000, 120_000, 38],
        ['Meta', 150_000, 40_000, 45_000, 12],
        ['Caquetá', 190_000, 45_000, 60_000, 17],
        ['Nariño', 120_000, 35_000, 50_000, 21],
        ['Cauca', 140_000, 40_000, 55_000, 19],
        ['Norte de Santander', 90_000, 30_000, 40_000, 26],
      ],
      2023: [
        ['Antioquia', 290_000, 80_000, 110_000, 31],
        ['Meta', 140_000, 35_000, 40_000, 9],
        ['Caquetá', 170_000, 40_000, 55_000, 14],
        ['Nariño', 130_000, 40_000, 55_000, 24],
        ['Cauca', 150_000, 45_000, 60_000, 22],
        ['Norte de Santander', 100_000, 35_000, 45_000, 29],
      ],
      2024: [
        ['Antioquia', 280_000, 75_000, 100_000, 27],
        ['Meta', 130_000, 30_000, 35_000, 8],
        ['Caquetá', 160_000, 35_000, 50_000, 12],
        ['Nariño', 125_000, 38_000, 52_000, 20],
        ['Cauca', 145_000, 42_000, 58_000, 18],
        ['Norte de Santander', 95_000, 32_000, 44_000, 25],
      ],
    },
  );
  const contacts = [
    { organisation: 'Autoridad Nacional de Acción contra Minas (demo)', name: 'Punto focal de demostración', position: 'Coordinador de gestión de información (demo)', email: 'autoridad.co.demo@demo.example.org' },
  ];
  const year = (y: number, o: { re: PeopleValue; casualties: PeopleValue; received: Row[]; national: number; platformLastMet: string; gender: boolean }): Record<string, FormPlan> => ({
    cover: coverPlan('es', y, contacts),
    C: {
      values: {
        hazards: { areas: land[y]!.areas },
        release: {
          byRegion: land[y]!.byRegion,
          methodology:
            'Cada área se registra en el sistema nacional de información tras el estudio no técnico. Las áreas sin evidencia de contaminación se cancelan, el estudio técnico reduce las demás a su perímetro confirmado y solo este se despeja, conforme a los estándares nacionales de desminado humanitario basados en las IMAS. La contaminación corresponde casi por completo a minas antipersonal de carácter improvisado. Cifras de demostración.',
        },
        plan: {
          hasPlan: true,
          planSummary: 'El plan de acción (demo) prioriza los municipios con solicitudes de restitución de tierras y proyectos productivos, con metas anuales por departamento hasta el plazo del artículo 5.',
        },
      },
    },
    G: minesDestroyedPlan(land, y),
    I: {
      values: {
        warnings: { areas: land[y]!.warnings },
        riskEducation: {
          beneficiaries: o.re,
          narrative:
            'La educación en el riesgo se imparte con líderes comunitarios, docentes y promotoras en las veredas afectadas, con materiales en español y en lenguas indígenas, y en sesiones separadas para mujeres cuando la comunidad lo pide. (Texto de demostración.)',
        },
      },
    },
    J: {
      values: {
        victims: {
          casualties: o.casualties,
          survivors: people({ female_adult: 610, female_child: 190, male_adult: 8_420, male_child: 480, disability_female: 640, disability_male: 7_900 }),
          narrative: `El sistema de información de demostración registró ${peopleTotal(o.casualties)} víctimas nuevas en ${y}, entre ellas miembros de la fuerza pública y civiles. Las víctimas reciben atención de urgencia, rehabilitación física y psicosocial, y acompañamiento para acceder a la reparación integral.`,
        },
        received: { assistance: o.received, nationalResources: money(o.national, 'COP') },
        provided: { assistance: [] },
        cooperation: {
          resourcePlan: true,
          resourcePlanSummary: 'La estrategia de movilización de recursos (demo) combina presupuesto nacional, cooperación internacional y alianzas con el sector privado en los municipios priorizados.',
          nationalPlatform: true,
          platformLastMet: o.platformLastMet,
          platformDescription: 'La mesa nacional de coordinación (demo) reúne a la autoridad nacional, los donantes, las organizaciones civiles de desminado, las agencias de las Naciones Unidas y las organizaciones de víctimas.',
          needs: 'Se estima (cifra de demostración) que faltan unos 80 millones de dólares para intervenir los municipios pendientes.',
          narrative: 'Colombia comparte su experiencia con otros Estados afectados mediante intercambios Sur-Sur. (Texto de demostración.)',
        },
        // 2022: cooperation and assistance without any gender and diversity information (the Committee follows up).
        gender: o.gender
          ? {
              integrated: true,
              narrative:
                'Los equipos de estudio no técnico incluyen mujeres y personas de pueblos indígenas y afrodescendientes, y las consultas comunitarias se programan en horarios accesibles para las mujeres. Los datos de víctimas y beneficiarios se desagregan por sexo, edad, discapacidad y pertenencia étnica. (Texto de demostración.)',
            }
          : { integrated: null, narrative: null },
        other: { narrative: null },
      },
    },
  });
  const cambodia = (y: number) => aid('partner', 'Camboya', null, null, y, 'capacity_building', { southSouth: true, inKind: 'Formación de desminadores y de técnicos de gestión de calidad en Camboya (cooperación Sur-Sur).' });
  return [
    {
      state: S,
      year: 2022,
      created: at('2023-02-06'),
      forms: {
        ...year(2022, {
          re: people({ female_adult: 18_400, female_child: 15_900, male_adult: 17_100, male_child: 16_800, disability_female: 410, disability_male: 480 }),
          casualties: people({ male_adult: 98, male_child: 12, female_adult: 11, female_child: 6, unknown_unknown: 4, disability_male: 3 }),
          received: [
            aid('partner', 'Estados Unidos de América', 21_000_000, 'USD', 2022, 'clearance'),
            aid('partner', 'Unión Europea', 6_000_000, 'EUR', 2022, 'clearance'),
            aid('partner', 'Noruega', 48_000_000, 'NOK', 2022, 'clearance'),
            aid('partner', 'Reino Unido', 3_500_000, 'GBP', 2022, 'clearance'),
            aid('partner', 'Japón', 200_000_000, 'JPY', 2022, 'victim_assistance'),
            cambodia(2022),
          ],
          national: 45_000_000_000,
          platformLastMet: '2022-09-28',
          gender: false,
        }),
        A: {
          values: {
            measures: {
              list: [
                { kind: 'law', title: 'Ley de prohibición de las minas antipersonal (título de demostración)', status: 'in_force', description: 'Prohíbe el empleo, la producción, el almacenamiento y la transferencia de minas antipersonal y tipifica los delitos correspondientes.' },
                { kind: 'regulation', title: 'Estándares nacionales de desminado humanitario (título de demostración)', status: 'in_force', description: 'Regulan la acreditación de organizaciones y la liberación de tierras.' },
              ],
              narrative: 'No se adoptaron medidas nuevas durante el período del informe.',
            },
          },
        },
        F: {
          values: {
            programmes: {
              list: [
                {
                  programme: 'art5',
                  methods: 'Destrucción in situ mediante detonación controlada',
                  sites: 'Áreas intervenidas en los departamentos afectados',
                  safetyStandards: 'Estándares nacionales de desminado humanitario',
                  environmentalStandards: 'Protocolo de gestión ambiental de las operaciones (demo)',
                  status: 'En curso, con la capacidad militar de desminado y organizaciones civiles acreditadas (demo).',
                },
              ],
            },
          },
        },
      },
      v1: { submitted: at('2023-04-28', '15:30:00'), acknowledged: at('2023-05-19'), published: at('2023-05-26') },
    },
    {
      state: S,
      year: 2023,
      created: at('2024-02-05'),
      forms: {
        ...year(2023, {
          re: people({ female_adult: 19_300, female_child: 16_700, male_adult: 17_900, male_child: 17_400, disability_female: 430, disability_male: 505 }),
          casualties: people({ male_adult: 84, male_child: 10, female_adult: 9, female_child: 5, unknown_unknown: 3, disability_male: 2 }),
          received: [
            aid('partner', 'Estados Unidos de América', 19_500_000, 'USD', 2023, 'clearance'),
            aid('partner', 'Unión Europea', 6_500_000, 'EUR', 2023, 'clearance'),
            aid('partner', 'Noruega', 50_000_000, 'NOK', 2023, 'clearance'),
            aid('partner', 'Reino Unido', 3_000_000, 'GBP', 2023, 'clearance'),
            aid('partner', 'Japón', 180_000_000, 'JPY', 2023, 'victim_assistance'),
            cambodia(2023),
          ],
          national: 48_000_000_000,
          platformLastMet: '2023-10-04',
          gender: true,
        }),
        A: 'unchanged',
        F: 'unchanged',
      },
      v1: { submitted: at('2024-04-30', '17:05:00'), acknowledged: at('2024-05-22'), published: at('2024-05-29') },
    },
    {
      state: S,
      year: 2024,
      created: at('2025-02-11'),
      forms: {
        ...year(2024, {
          re: people({ female_adult: 18_900, female_child: 16_100, male_adult: 17_600, male_child: 17_000, disability_female: 420, disability_male: 490 }),
          casualties: people({ male_adult: 79, male_child: 11, female_adult: 10, female_child: 4, unknown_unknown: 2, disability_male: 2, disability_female: 1 }),
          received: [
            aid('partner', 'Estados Unidos de América', 18_000_000, 'USD', 2024, 'clearance'),
            aid('partner', 'Unión Europea', 7_000_000, 'EUR', 2024, 'clearance'),
            aid('partner', 'Noruega', 52_000_000, 'NOK', 2024, 'clearance'),
            aid('partner', 'Reino Unido', 2_800_000, 'GBP', 2024, 'clearance'),
            aid('partner', 'Japón', 190_000_000, 'JPY', 2024, 'victim_assistance'),
            cambodia(2024),
          ],
          national: 50_000_000_000,
          platformLastMet: '2024-09-25',
          gender: true,
        }),
        A: 'unchanged',
        F: 'unchanged',
      },
      v1: { submitted: at('2025-04-29', '16:40:00'), acknowledged: at('2025-05-27') },
    },
  ];
}

/* ====================================================================================== */
/* Tajikistan — Russian; C&A without gender & diversity; a warning explained; late         */
/* ====================================================================================== */

function tajikistan(): ReportPlan[] {
  const S = 'TJ';
  const land = landRelease(
    [
      { region: 'Горно-Бадахшанская автономная область', sha: [18, 2_900_000], cha: [46, 4_700_000], contamination: ['conventional'], mineType: 'POMZ-2M', emplaced: '1992–2001', measures: ['marking', 'fencing', 'risk_education'] },
      { region: 'Хатлонская область', sha: [9, 1_200_000], cha: [31, 2_600_000], contamination: ['conventional'], mineType: 'PMN', emplaced: '1990-е годы', measures: ['marking', 'risk_education'] },
      { region: 'Районы республиканского подчинения', sha: [12, 1_800_000], cha: [27, 2_100_000], contamination: ['conventional'], mineType: 'POMZ-2M', emplaced: '1992–1997', measures: ['marking', 'risk_education'] },
      { region: 'Согдийская область', sha: [4, 450_000], cha: [8, 620_000], contamination: ['conventional'], mineType: 'OZM-72', emplaced: '2000-е годы', measures: ['marking', 'fencing', 'risk_education'] },
    ],
    {
      2022: [
        ['Горно-Бадахшанская автономная область', 420_000, 310_000, 520_000, 96],
        ['Хатлонская область', 180_000, 140_000, 260_000, 41],
        ['Районы республиканского подчинения', 250_000, 160_000, 310_000, 58],
        ['Согдийская область', 60_000, 40_000, 70_000, 12],
      ],
      2023: [
        ['Горно-Бадахшанская автономная область', 390_000, 290_000, 500_000, 88],
        ['Хатлонская область', 160_000, 130_000, 240_000, 37],
        ['Районы республиканского подчинения', 230_000, 150_000, 290_000, 51],
        ['Согдийская область', 55_000, 45_000, 75_000, 9],
      ],
      2024: [
        ['Горно-Бадахшанская автономная область', 410_000, 300_000, 510_000, 84],
        ['Хатлонская область', 170_000, 135_000, 250_000, 35],
        ['Районы республиканского подчинения', 240_000, 155_000, 300_000, 47],
        ['Согдийская область', 65_000, 40_000, 80_000, 10],
      ],
    },
    [{ region: 'Хатлонская область', kind: 'cha', from: 2023, count: 2, sqm: { 2023: null, 2024: 85_000 }, notes: 'Выявлены в декабре 2023 г. по сообщениям местных жителей (демо).' }],
  );
  const retained: RetainedSpec[] = [
    { institution: 'Учебный центр инженерных войск (демо)', mineType: 'POMZ-2M', byYear: { 2021: 60, 2022: 55, 2023: 50, 2024: 46 } },
    { institution: 'Учебный центр инженерных войск (демо)', mineType: 'PMN', byYear: { 2021: 45, 2022: 42, 2023: 40, 2024: 38 } },
  ];
  const contacts = [{ organisation: 'Национальный центр противоминной деятельности (демо)', name: 'Демо-координатор', position: 'Заместитель директора (демо)', email: 'centre.tj.demo@demo.example.org' }];
  const year = (y: number, o: { re: PeopleValue; casualties: PeopleValue; received: Row[]; national: number; platformLastMet: string; narrative: string }): Record<string, FormPlan> => ({
    cover: coverPlan('ru', y, contacts),
    C: {
      values: {
        hazards: { areas: land[y]!.areas },
        release: {
          byRegion: land[y]!.byRegion,
          methodology:
            'Опасные районы вносятся в национальную базу данных после нетехнического обследования. Районы без признаков загрязнения исключаются, техническое обследование сокращает остальные до подтверждённых границ, которые расчищаются вручную, механическим способом или с помощью собак-миноискателей по национальным стандартам, основанным на IMAS. Цифры демонстрационные.',
        },
        plan: {
          hasPlan: true,
          planSummary: 'Национальная программа (демо) предусматривает завершение обследования и расчистки на таджикско-афганской границе и в Раштской долине с ежегодными целевыми показателями по каждому региону.',
        },
      },
    },
    D: {
      values: retainedValues(retained, y, {
        intended: 'Обучение сапёров и проверка миноискателей.',
        actual: (n) => `В ${y} г. для обучения сапёров использовано ${n} мин.`,
      }),
    },
    G: minesDestroyedPlan(land, y),
    I: {
      values: {
        warnings: { areas: land[y]!.warnings },
        riskEducation: {
          beneficiaries: o.re,
          narrative: 'Группы информирования о рисках проводят занятия в школах и сёлах вблизи опасных районов, а также для пастухов перед сезонным выпасом скота. (Демонстрационный текст.)',
        },
      },
    },
    J: {
      values: {
        victims: {
          casualties: o.casualties,
          survivors: people({ female_adult: 18, female_child: 9, male_adult: 402, male_child: 61, disability_female: 27, disability_male: 463 }),
          narrative: `В ${y} г. демонстрационная национальная база данных зарегистрировала ${peopleTotal(o.casualties)} новых пострадавших. Выжившие получают медицинскую помощь, протезирование и поддержку в оформлении пенсий по инвалидности.`,
        },
        received: { assistance: o.received, nationalResources: money(o.national, 'TJS') },
        provided: { assistance: [] },
        cooperation: {
          resourcePlan: false,
          nationalPlatform: true,
          platformLastMet: o.platformLastMet,
          platformDescription: 'Национальная платформа (демо) ежегодно собирает государственные органы, доноров, операторов и агентства ООН для обзора хода работ и потребностей.',
          needs: 'Для завершения обследования и расчистки требуется около 12 млн долларов США (демонстрационная оценка).',
          narrative: o.narrative,
        },
        // No gender & diversity information in any year: the Committee follows up with the State.
        gender: { integrated: null, narrative: null },
        other: { narrative: null },
      },
    },
  });
  const received = (y: number, us: number, osce: number, japan: number, undp: number, norway: number) => [
    aid('partner', 'Соединённые Штаты Америки', us, 'USD', y, 'clearance'),
    aid('partner', 'ОБСЕ', osce, 'EUR', y, 'capacity_building'),
    aid('partner', 'Япония', japan, 'JPY', y, 'clearance'),
    aid('partner', 'ПРООН', undp, 'USD', y, 'capacity_building'),
    aid('partner', 'Норвегия', norway, 'NOK', y, 'clearance'),
  ];
  return [
    {
      state: S,
      year: 2022,
      created: at('2023-04-03'),
      visibility: 'restricted',
      forms: {
        ...year(2022, {
          re: people({ female_adult: 9_800, female_child: 11_200, male_adult: 8_900, male_child: 12_400, disability_female: 120, disability_male: 150 }),
          casualties: people({ male_adult: 4, male_child: 3, female_child: 1 }),
          received: received(2022, 3_200_000, 650_000, 180_000_000, 900_000, 6_000_000),
          national: 3_500_000,
          platformLastMet: '2022-11-24',
          narrative: 'Помощь координируется национальным центром с участием всех партнёров. (Демонстрационный текст.)',
        }),
        A: {
          values: {
            measures: {
              list: [
                { kind: 'law', title: 'Закон о противоминной деятельности (демонстрационное название)', status: 'in_force', description: 'Определяет полномочия национального органа и запрещает противопехотные мины.' },
                { kind: 'administrative', title: 'Национальные стандарты противоминной деятельности (демонстрационное название)', status: 'in_force', description: 'Устанавливают порядок аккредитации операторов и высвобождения земель.' },
              ],
              narrative: 'В отчётном периоде новые меры не принимались.',
            },
          },
        },
        E: { values: { facilities: { list: [], neverProduced: true } } },
        F: {
          values: {
            programmes: {
              list: [
                {
                  programme: 'art5',
                  methods: 'Уничтожение на месте обнаружения подрывом',
                  sites: 'Расчищенные участки в ГБАО, Хатлонской области и Раштской долине',
                  safetyStandards: 'Национальные стандарты, основанные на IMAS',
                  environmentalStandards: 'Восстановление участков после подрыва',
                  status: 'Программа продолжается силами национальных групп и аккредитованных операторов (демо).',
                },
              ],
            },
          },
        },
      },
      v1: { submitted: at('2023-06-14', '11:00:00'), acknowledged: at('2023-07-03'), published: at('2023-07-10') },
    },
    {
      state: S,
      year: 2023,
      created: at('2024-03-18'),
      forms: {
        ...year(2023, {
          re: people({ female_adult: 10_300, female_child: 11_900, male_adult: 9_400, male_child: 12_800, disability_female: 130, disability_male: 160 }),
          casualties: people({ male_adult: 3, male_child: 2 }),
          received: received(2023, 3_000_000, 700_000, 170_000_000, 850_000, 6_500_000),
          national: 3_800_000,
          platformLastMet: '2023-11-22',
          narrative: 'В ноябре 2023 г. Таджикистан представил свои потребности партнёрам на встрече в рамках индивидуального подхода. (Демонстрационный текст.)',
        }),
        A: 'unchanged',
        E: 'unchanged',
        F: 'unchanged',
      },
      explanations: {
        'C:reporting.rules.size_missing':
          'Два района в Хатлонской области выявлены в декабре 2023 г.; техническое обследование для определения их площади запланировано на весну 2024 г. (демо).',
      },
      v1: { submitted: at('2024-05-20', '10:20:00'), acknowledged: at('2024-06-11'), published: at('2024-06-18') },
    },
    {
      state: S,
      year: 2024,
      created: at('2025-04-14'),
      forms: {
        ...year(2024, {
          re: people({ female_adult: 10_100, female_child: 11_600, male_adult: 9_200, male_child: 12_500, disability_female: 125, disability_male: 155 }),
          casualties: people({ male_adult: 2, male_child: 2, female_adult: 1 }),
          received: received(2024, 2_600_000, 720_000, 160_000_000, 800_000, 7_000_000),
          national: 4_000_000,
          platformLastMet: '2024-11-27',
          narrative: 'Партнёры продолжили поддерживать расчистку в ГБАО и Раштской долине. (Демонстрационный текст.)',
        }),
        A: 'unchanged',
        E: 'unchanged',
        F: 'unchanged',
      },
      v1: { submitted: at('2025-07-02', '12:45:00'), acknowledged: at('2025-07-21'), published: at('2025-07-28') },
    },
  ];
}

/* ====================================================================================== */
/* Bosnia and Herzegovina — English; 2023 corrected (a missing release row)               */
/* ====================================================================================== */

function bosnia(): ReportPlan[] {
  const S = 'BA';
  const m = (mineType: string): Pick<RegionSpec, 'contamination' | 'mineType' | 'emplaced' | 'measures'> => ({ contamination: ['conventional'], mineType, emplaced: '1992–1995', measures: ['marking', 'risk_education'] });
  const land = landRelease(
    [
      { region: 'Una-Sana Canton', sha: [260, 41_200_000], cha: [35, 4_600_000], ...m('PMA-2') },
      { region: 'Central Bosnia Canton', sha: [190, 33_600_000], cha: [28, 3_900_000], ...m('PROM-1') },
      { region: 'Herzegovina-Neretva Canton', sha: [230, 44_900_000], cha: [41, 5_600_000], ...m('PMA-3') },
      { region: 'Zenica-Doboj Canton', sha: [170, 29_300_000], cha: [22, 3_100_000], ...m('PMA-2') },
      { region: 'Republika Srpska', sha: [610, 96_500_000], cha: [95, 10_900_000], ...m('PMA-1') },
      { region: 'Brčko District', sha: [40, 6_200_000], cha: [6, 720_000], ...m('PMA-2') },
    ],
    {
      2022: [
        ['Una-Sana Canton', 3_100_000, 900_000, 280_000, 112],
        ['Central Bosnia Canton', 2_500_000, 750_000, 210_000, 84],
        ['Herzegovina-Neretva Canton', 3_600_000, 1_000_000, 350_000, 131],
        ['Zenica-Doboj Canton', 2_100_000, 600_000, 170_000, 66],
        ['Republika Srpska', 6_800_000, 2_100_000, 620_000, 248],
        ['Brčko District', 450_000, 120_000, 40_000, 14],
      ],
      2023: [
        ['Una-Sana Canton', 3_300_000, 950_000, 300_000, 104],
        ['Central Bosnia Canton', 2_600_000, 780_000, 220_000, 79],
        ['Herzegovina-Neretva Canton', 3_800_000, 1_050_000, 370_000, 126],
        ['Zenica-Doboj Canton', 2_200_000, 620_000, 180_000, 61],
        ['Republika Srpska', 7_100_000, 2_200_000, 650_000, 236],
        ['Brčko District', 480_000, 130_000, 45_000, 16],
      ],
      2024: [
        ['Una-Sana Canton', 3_400_000, 980_000, 310_000, 98],
        ['Central Bosnia Canton', 2_700_000, 800_000, 230_000, 72],
        ['Herzegovina-Neretva Canton', 3_900_000, 1_100_000, 380_000, 117],
        ['Zenica-Doboj Canton', 2_300_000, 640_000, 190_000, 58],
        ['Republika Srpska', 7_400_000, 2_300_000, 680_000, 221],
        ['Brčko District', 500_000, 125_000, 45_000, 13],
      ],
    },
  );
  const retained: RetainedSpec[] = [
    { institution: 'Demo Armed Forces demining training centre', mineType: 'PMA-2', byYear: { 2021: 620, 2022: 605, 2023: 595, 2024: 585 } },
    { institution: 'Demo Armed Forces demining training centre', mineType: 'PROM-1', byYear: { 2021: 480, 2022: 472, 2023: 465, 2024: 458 } },
    { institution: 'Demo Armed Forces demining training centre', mineType: 'PMA-1', byYear: { 2021: 380, 2022: 363, 2023: 348, 2024: 340 } },
  ];
  const contacts = [
    { organisation: 'Demo Mine Action Centre', name: 'Demo Focal Point', position: 'Head of planning (demo)', email: 'centre.ba.demo@demo.example.org' },
    { organisation: 'Demo Ministry of Civil Affairs', name: 'Demo Liaison Officer', email: 'ministry.ba.demo@demo.example.org' },
  ];
  const formC = (y: number, omit?: string): FormPlan => ({
    values: {
      hazards: { areas: land[y]!.areas },
      release: {
        byRegion: land[y]!.byRegion.filter((r) => r.region !== omit),
        methodology:
          'Most suspected areas are released by non-technical survey after records, aerial imagery and community information have been reviewed again; technical survey confirms the remaining perimeters before clearance. Land release follows the national standards, which are aligned with IMAS. Demo figures.',
      },
      plan: { hasPlan: true, planSummary: 'The demo mine action strategy sets yearly land release targets by canton and entity until the Article 5 deadline of 1 March 2027.' },
    },
  });
  const year = (y: number, o: { re: PeopleValue; casualties: PeopleValue; received: Row[]; national: number; platformLastMet: string }): Record<string, FormPlan> => ({
    cover: coverPlan('en', y, contacts),
    C: formC(y),
    D: {
      values: retainedValues(retained, y, {
        intended: 'Training of deminers and dog handlers, and testing of detection equipment.',
        actual: (n) => `${n} mines were used in ${y} in training courses and equipment trials.`,
      }),
    },
    G: minesDestroyedPlan(land, y),
    I: {
      values: {
        warnings: { areas: land[y]!.warnings },
        riskEducation: {
          beneficiaries: o.re,
          narrative:
            'Risk education reaches schoolchildren, farmers, hunters, mushroom and firewood gatherers and returnees, through school visits, local radio and the permanent marking of suspected areas near villages. (Demo text.)',
        },
      },
    },
    J: {
      values: {
        victims: {
          casualties: o.casualties,
          survivors: people({ female_adult: 260, female_child: 40, male_adult: 4_350, male_child: 310, disability_female: 280, disability_male: 4_560 }),
          narrative: `${peopleTotal(o.casualties)} new casualties were recorded in ${y} in the demo database. Survivors have access to health care, orthopaedic devices and disability allowances, and survivor associations help them find work.`,
        },
        received: { assistance: o.received, nationalResources: money(o.national, 'BAM') },
        provided: { assistance: [] },
        cooperation: {
          resourcePlan: true,
          resourcePlanSummary: 'The demo resource mobilisation plan links each year’s land release targets to funding from State and entity budgets, municipalities, the European Union and bilateral donors.',
          nationalPlatform: true,
          platformLastMet: o.platformLastMet,
          platformDescription: 'The demo coordination board brings State and entity authorities, the mine action centre, donors, operators and the United Nations together four times a year.',
          needs: 'About EUR 60 million (demo estimate) is still needed to complete survey and clearance by the 2027 deadline.',
          narrative: 'Most international support is channelled through a trust fund and the European Union. (Demo text.)',
        },
        gender: {
          integrated: true,
          narrative:
            'Non-technical survey teams include women so that women in affected communities are heard, and risk education is adapted to the different activities of women, men, girls and boys. Data on casualties and beneficiaries are disaggregated by sex, age and disability. (Demo text.)',
        },
        other: { narrative: null },
      },
    },
  });
  const received = (y: number, eu: number, de: number, us: number, no: number, jp: number, itf: number) => [
    aid('partner', 'European Union', eu, 'EUR', y, 'clearance'),
    aid('partner', 'Germany', de, 'EUR', y, 'clearance'),
    aid('partner', 'United States of America', us, 'USD', y, 'clearance'),
    aid('partner', 'Norway', no, 'NOK', y, 'clearance'),
    aid('partner', 'Japan', jp, 'JPY', y, 'clearance'),
    aid('partner', 'Demo trust fund for mine action', itf, 'USD', y, 'various'),
  ];
  const characteristics = (designation: string, dimensions: string, fusing: string, explosiveGrams: number, metalGrams: number | null, notes: string) => ({
    designation,
    dimensions,
    fusing,
    explosiveType: 'TNT',
    explosiveGrams,
    metalGrams,
    notes,
  });
  const y2023 = year(2023, {
    re: people({ female_adult: 4_800, female_child: 7_100, male_adult: 4_500, male_child: 7_400, disability_female: 62, disability_male: 79 }),
    casualties: people({ male_adult: 2, male_child: 1 }),
    received: received(2023, 4_200_000, 1_700_000, 3_200_000, 12_500_000, 140_000_000, 2_100_000),
    national: 6_100_000,
    platformLastMet: '2023-12-07',
  });
  return [
    {
      state: S,
      year: 2022,
      created: at('2023-03-01'),
      forms: {
        ...year(2022, {
          re: people({ female_adult: 4_600, female_child: 6_900, male_adult: 4_300, male_child: 7_200, disability_female: 60, disability_male: 75 }),
          casualties: people({ male_adult: 3, female_adult: 1 }),
          received: received(2022, 4_000_000, 1_800_000, 3_500_000, 12_000_000, 150_000_000, 2_300_000),
          national: 5_800_000,
          platformLastMet: '2022-12-08',
        }),
        A: {
          values: {
            measures: {
              list: [
                { kind: 'law', title: 'Demo Law on Demining', status: 'in_force', description: 'Establishes the national mine action authority and centre and the legal basis for land release (demo entry).' },
                { kind: 'penal', title: 'Demo criminal code provisions on prohibited weapons', status: 'in_force', description: 'Penal sanctions for activities prohibited by the Convention (demo entry).' },
              ],
              narrative: 'No new measures were adopted during the reporting period.',
            },
          },
        },
        F: {
          values: {
            programmes: {
              list: [
                {
                  programme: 'art5',
                  methods: 'Destruction in situ by controlled detonation',
                  sites: 'Cleared areas in both entities and Brčko District',
                  safetyStandards: 'National mine action standards, aligned with IMAS',
                  environmentalStandards: 'Demolition sites restored; protected areas surveyed with the environmental authorities',
                  status: 'Ongoing, by the armed forces, civil protection teams and accredited operators (demo).',
                },
              ],
            },
          },
        },
        H: {
          values: {
            produced: { types: [] },
            possessed: {
              types: [
                characteristics('PMA-1', '140 × 68 × 35 mm', 'UPMA-1 pressure fuze', 200, null, 'Wooden or plastic box; very little metal. Demo entry.'),
                characteristics('PMA-2', 'Ø 68 mm, height 61 mm', 'UPMAH-2 pressure fuze', 100, null, 'Minimum-metal blast mine; the fuze is the only metal part. Demo entry.'),
                characteristics('PROM-1', 'Ø 75 mm, height 260 mm without fuze', 'UPROM-1 pressure or tripwire fuze', 425, 3_000, 'Bounding fragmentation mine with a steel body. Demo entry.'),
              ],
            },
          },
        },
      },
      v1: { submitted: at('2023-05-10', '10:05:00'), acknowledged: at('2023-05-30'), published: at('2023-06-06') },
    },
    {
      state: S,
      year: 2023,
      created: at('2024-02-26'),
      // Version 1 left out the Brčko District release row; version 2 adds it.
      forms: { ...y2023, C: formC(2023, 'Brčko District'), A: 'unchanged', F: 'unchanged', H: 'unchanged' },
      v1: { submitted: at('2024-04-30', '11:55:00'), acknowledged: at('2024-05-20'), published: at('2024-05-27') },
      correction: {
        forms: { C: formC(2023) },
        reason: 'Version 2 adds the land released in Brčko District in 2023, which was left out of Form C in version 1. (Demo data.)',
        version: { submitted: at('2024-09-12', '14:20:00'), acknowledged: at('2024-09-20'), published: at('2024-09-27') },
      },
    },
    {
      state: S,
      year: 2024,
      created: at('2025-02-24'),
      forms: {
        ...year(2024, {
          re: people({ female_adult: 4_700, female_child: 6_800, male_adult: 4_400, male_child: 7_000, disability_female: 58, disability_male: 74 }),
          casualties: people({ male_adult: 2 }),
          received: received(2024, 4_500_000, 1_600_000, 3_000_000, 13_000_000, 135_000_000, 2_000_000),
          national: 6_300_000,
          platformLastMet: '2024-12-05',
        }),
        A: 'unchanged',
        F: 'unchanged',
        H: 'unchanged',
      },
      v1: { submitted: at('2025-04-17', '09:35:00'), acknowledged: at('2025-05-06'), published: at('2025-05-13') },
    },
  ];
}

/* ====================================================================================== */
/* Japan and Norway — donors in English: Form J assistance provided, most forms n/a       */
/* ====================================================================================== */

function donorJ(y: number, provided: Row[], narrative: string, gender: string): FormPlan {
  return {
    values: {
      victims: { casualties: null, survivors: null, narrative: null },
      received: { assistance: [], nationalResources: null },
      provided: { assistance: provided },
      cooperation: { resourcePlan: null, nationalPlatform: null, needs: null, narrative },
      gender: { integrated: true, narrative: gender },
      other: { narrative: null },
    },
  };
}

function japan(): ReportPlan[] {
  const S = 'JP';
  const contacts = [{ organisation: 'Demo Ministry of Foreign Affairs, Conventional Arms Division', name: 'Demo Desk Officer', position: 'Desk officer for mine action (demo)', email: 'mfa.jp.demo@demo.example.org' }];
  const retained: RetainedSpec[] = [
    { institution: 'Demo Self-Defense Forces engineering school', mineType: 'M14', byYear: { 2021: 540, 2022: 512, 2023: 489, 2024: 470 } },
    { institution: 'Demo Self-Defense Forces engineering school', mineType: 'M16', byYear: { 2021: 470, 2022: 440, 2023: 416, 2024: 397 } },
  ];
  const formD = (y: number): FormPlan => ({
    values: retainedValues(retained, y, {
      intended: 'Training in mine detection and clearance, and development of detection equipment.',
      actual: (n) => `${n} mines were consumed in ${y} in clearance training and detector trials.`,
    }),
  });
  const narrative = 'Japan supports mine action through grant aid, technical cooperation and contributions to international organisations, with priority for States close to completing their Article 5 obligations and for victim assistance. (Demo text.)';
  const gender =
    'Japan asks implementing partners to collect data disaggregated by sex, age and disability, and supports projects that employ women in survey and clearance teams and give survivors access to livelihoods. (Demo text.)';
  const p = (y: number, recipient: string, amount: number, sector: string, inKind?: string) => aid('recipient', recipient, amount, 'JPY', y, sector, inKind ? { inKind } : {});
  const years: [number, Row[], VersionPlan][] = [
    [
      2022,
      [
        p(2022, 'Cambodia', 1_450_000_000, 'clearance'),
        p(2022, 'Iraq', 1_100_000_000, 'clearance'),
        p(2022, 'Colombia', 200_000_000, 'victim_assistance'),
        p(2022, 'Bosnia and Herzegovina', 150_000_000, 'clearance'),
        p(2022, 'Tajikistan', 180_000_000, 'clearance'),
        p(2022, 'Afghanistan (through UNMAS)', 600_000_000, 'various'),
        p(2022, 'Ukraine', 500_000_000, 'various'),
      ],
      { submitted: at('2023-04-24', '06:30:00'), acknowledged: at('2023-05-12'), published: at('2023-05-19') },
    ],
    [
      2023,
      [
        p(2023, 'Cambodia', 1_380_000_000, 'clearance', 'Support for Cambodian trainers teaching Ukrainian deminers (triangular cooperation).'),
        p(2023, 'Iraq', 1_050_000_000, 'clearance'),
        p(2023, 'Colombia', 180_000_000, 'victim_assistance'),
        p(2023, 'Bosnia and Herzegovina', 140_000_000, 'clearance'),
        p(2023, 'Tajikistan', 170_000_000, 'clearance'),
        p(2023, 'Senegal', 45_000_000, 'victim_assistance'),
        p(2023, 'Afghanistan (through UNMAS)', 450_000_000, 'various'),
        p(2023, 'Ukraine', 3_200_000_000, 'various'),
      ],
      { submitted: at('2024-04-26', '06:15:00'), acknowledged: at('2024-05-15'), published: at('2024-05-22') },
    ],
    [
      2024,
      [
        p(2024, 'Cambodia', 1_520_000_000, 'clearance'),
        p(2024, 'Iraq', 980_000_000, 'clearance'),
        p(2024, 'Colombia', 190_000_000, 'victim_assistance'),
        p(2024, 'Bosnia and Herzegovina', 135_000_000, 'clearance'),
        p(2024, 'Tajikistan', 160_000_000, 'clearance'),
        p(2024, 'Ukraine', 3_500_000_000, 'various'),
      ],
      { submitted: at('2025-04-25', '06:20:00'), acknowledged: at('2025-05-14'), published: at('2025-05-21') },
    ],
  ];
  return years.map(([y, provided, v1]) => ({
    state: S,
    year: y,
    created: at(`${y + 1}-03-02`),
    forms: {
      cover: coverPlan('en', y, contacts),
      A:
        y === 2022
          ? {
              values: {
                measures: {
                  list: [{ kind: 'law', title: 'Demo Act on the Prohibition of Anti-Personnel Mines', status: 'in_force', description: 'Prohibits the production of anti-personnel mines and regulates their possession, with penal sanctions (demo entry).' }],
                  narrative: 'No new measures were adopted during the reporting period.',
                },
              },
            }
          : 'unchanged',
      D: formD(y),
      J: donorJ(y, provided, narrative, gender),
    },
    v1,
  }));
}

function norway(): ReportPlan[] {
  const S = 'NO';
  const contacts = [{ organisation: 'Demo Ministry of Foreign Affairs, Section for Humanitarian Affairs', name: 'Demo Senior Adviser', email: 'mfa.no.demo@demo.example.org' }];
  const narrative = 'Norway funds survey, clearance, risk education and victim assistance through multi-year agreements with operators, and supports the Convention’s implementation machinery. (Demo text.)';
  const gender =
    'Partners must analyse how their work affects women, girls, boys and men, report data disaggregated by sex, age and disability, and report on the employment of women in survey and clearance teams. (Demo text.)';
  const p = (y: number, recipient: string, amount: number, sector: string) => aid('recipient', recipient, amount, 'NOK', y, sector);
  const common = (y: number) => [
    p(y, 'Colombia', { 2022: 48_000_000, 2023: 50_000_000, 2024: 52_000_000 }[y]!, 'clearance'),
    p(y, 'Iraq', { 2022: 55_000_000, 2023: 52_000_000, 2024: 50_000_000 }[y]!, 'clearance'),
    p(y, 'Bosnia and Herzegovina', { 2022: 12_000_000, 2023: 12_500_000, 2024: 13_000_000 }[y]!, 'clearance'),
    p(y, 'Tajikistan', { 2022: 6_000_000, 2023: 6_500_000, 2024: 7_000_000 }[y]!, 'clearance'),
    p(y, 'Cambodia', { 2022: 10_000_000, 2023: 10_000_000, 2024: 9_000_000 }[y]!, 'clearance'),
    p(y, 'Implementation Support Unit (sponsorship programme)', 2_000_000, 'advocacy'),
  ];
  const versions: Record<number, VersionPlan> = {
    2022: { submitted: at('2023-04-27', '08:00:00'), acknowledged: at('2023-05-16'), published: at('2023-05-23') },
    2023: { submitted: at('2024-04-29', '08:10:00'), acknowledged: at('2024-05-17'), published: at('2024-05-24') },
    2024: { submitted: at('2025-04-30', '07:50:00') },
  };
  return DEMO_YEARS.map((y) => ({
    state: S,
    year: y,
    created: at(`${y + 1}-03-10`),
    forms: {
      cover: coverPlan('en', y, contacts),
      A:
        y === 2022
          ? {
              values: {
                measures: {
                  list: [
                    { kind: 'law', title: 'Demo Act prohibiting anti-personnel mines', status: 'in_force', description: 'Prohibits the use, development, production, acquisition, stockpiling and transfer of anti-personnel mines (demo entry).' },
                    { kind: 'penal', title: 'Penal provisions of the demo Act', status: 'in_force' },
                  ],
                  narrative: 'No new measures were adopted during the reporting period.',
                },
              },
            }
          : 'unchanged',
      J: donorJ(y, y === 2022 ? common(y) : [...common(y), p(y, 'Ukraine', y === 2023 ? 150_000_000 : 180_000_000, 'various')], narrative, gender),
    },
    v1: versions[y]!,
  }));
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

const DEMO_STATES: DemoState[] = [
  { state: 'SN', language: 'fr', focalPoint: 'Point focal démo (Sénégal)', reports: senegal },
  { state: 'IQ', language: 'ar', focalPoint: 'منسق تجريبي (العراق)', reports: iraq },
  { state: 'KH', language: 'en', focalPoint: 'Demo Focal Point (Cambodia)', reports: cambodia },
  { state: 'CO', language: 'es', focalPoint: 'Punto focal de demostración (Colombia)', reports: colombia },
  { state: 'TJ', language: 'ru', focalPoint: 'Демо-координатор (Таджикистан)', reports: tajikistan },
  { state: 'BA', language: 'en', focalPoint: 'Demo Focal Point (Bosnia and Herzegovina)', reports: bosnia },
  { state: 'JP', language: 'en', focalPoint: 'Demo Desk Officer (Japan)', reports: japan },
  { state: 'NO', language: 'en', focalPoint: 'Demo Senior Adviser (Norway)', reports: norway },
];

/** Serialises seeding across app instances sharing a PostgreSQL server. */
const SEED_LOCK_KEY = 72_107;

/**
 * Creates the demo reports of every demo State that has none yet for 2022–2024. Returns how many
 * reports this run created (0 when they were all there already). `opts` (translator, config) is
 * the signature the seed calls with; writing in bulk sends no e-mail, so neither is needed yet.
 */
export async function seedDemoReports(database: Database): Promise<{ reports: number }> {
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
