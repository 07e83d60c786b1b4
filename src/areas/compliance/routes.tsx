/**
 * Compliance pages: the public view of a reporting year (map, table, initial reports), the trends,
 * each State's history (its own page and a section of the State page), the internal view for
 * committee members and ISU, the CSV downloads, and ISU's reminder schedule. Thin: parse →
 * policy → query or command → render or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { formBody, parseForm } from '../../platform/http/forms.ts';
import { PageCache, PUBLIC_PAGE_FRESH_MS, servePublicPage } from '../../platform/http/page-cache.ts';
import { csvDocument, type CsvCell } from '../../platform/exports/csv.ts';
import { normaliseDigits, parseLocalizedNumber } from '../../platform/i18n/digits.ts';
import { todayIso } from '../states/index.ts';
import { mapCategory, MAX_OFFSET, MIN_OFFSET } from './compliance.ts';
import { complianceOfYear, complianceTrends, complianceYears, stateComplianceHistory, type YearCompliance } from './compliance-queries.ts';
import { selectRecentReminders, selectReminderRules } from './compliance-repository.ts';
import { addReminderRule, deleteReminderRule, setReminderRuleEnabled } from './reminder-rules-commands.ts';
import { runRemindersNow } from './reminders-commands.ts';
import { assertCan, canManageReminders, canRunReminders, canViewInternalCompliance } from './policy.ts';
import { renderWorldMap } from './world-map.tsx';
import { MAP_PREFIX, YearCompliancePage } from './views/year-page.tsx';
import { TrendsPage } from './views/trends.tsx';
import { StateCompliancePage, StateComplianceSection } from './views/state-history.tsx';
import { RemindersPage, type RulesFlash } from './views/reminders.tsx';
import { statusText } from './views/shared.tsx';
import { signInRedirect } from '../../platform/http/sign-in.ts';

type Query = Record<string, string | undefined>;

const FLASHES: ReadonlySet<string> = new Set<RulesFlash>(['added', 'enabled', 'disabled', 'deleted']);
const count = z.coerce.number().int().min(0).max(1_000_000);
const ranQuery = z.object({ ran: z.literal('1'), due: count, queued: count, already: count });

/** The `year` query parameter: four digits (any script) or absent; anything else is an unknown year. */
function yearOf(query: unknown): number | undefined {
  const raw = query && typeof query === 'object' ? (query as Query).year : undefined;
  if (raw === undefined || raw === '') return undefined;
  const s = typeof raw === 'string' ? normaliseDigits(raw).trim() : '';
  if (!/^\d{4}$/.test(s)) throw new AppError('not_found', 'compliance.year_unknown');
  return Number(s);
}


const offsetSchema = z.object({
  offsetDays: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : (parseLocalizedNumber(v) ?? Number.NaN)) : v),
    z
      .number({ error: 'compliance.reminders.offset_required' })
      .refine((n) => Number.isInteger(n), { error: 'compliance.reminders.offset_whole' })
      .refine((n) => n >= MIN_OFFSET && n <= MAX_OFFSET, { error: 'compliance.reminders.offset_range' }),
  ),
});

export function registerComplianceRoutes(deps: AppDeps) {
  const db = () => deps.database.db;

  // The State page (states area) shows the State's recent reporting compliance.
  deps.slots.provide('state-page', async (req, { iso2 }) => {
    const history = await stateComplianceHistory(db(), iso2, { locale: req.locale, today: todayIso() });
    return <StateComplianceSection history={history} />;
  });

  /** The map of a year, from memory when these statuses were drawn before in this language. */
  function mapOf(req: FastifyRequest, data: YearCompliance): string {
    const t = req.tr.t;
    const year = String(data.year);
    return renderWorldMap(
      { year: data.year, locale: req.locale },
      {
        locale: req.locale,
        prefix: MAP_PREFIX,
        title: t('compliance.map.svg_title', { year }),
        description: t('compliance.map.svg_desc', { year, onTime: data.summary.onTime, late: data.summary.late, notSubmitted: data.summary.notSubmitted, counted: data.summary.counted }),
        nonPartyLabel: (name) => t('compliance.map.non_party', { state: name }),
        href: (iso2) => `/${req.locale}/compliance/states/${iso2.toLowerCase()}`,
        states: data.rows.map((r) => ({ iso2: r.iso2, name: r.name, category: mapCategory(r.status), label: t('compliance.map.shape', { state: r.name, status: statusText(t, r) }) })),
      },
    );
  }

  async function yearData(req: FastifyRequest, internal: boolean): Promise<YearCompliance> {
    const today = todayIso();
    const asked = yearOf(req.query);
    const year = asked ?? (await complianceYears(db(), today)).current;
    return complianceOfYear(db(), { year, locale: req.locale, today, internal });
  }

  return (app: FastifyInstance) => {
    // Anonymous readers get the public pages from memory (platform/http/page-cache.ts).
    const pages = new PageCache({ freshMs: PUBLIC_PAGE_FRESH_MS, max: 600 });

    app.get('/:locale/compliance', async (req, reply) => {
      const cacheable = /^\/[a-z]{2,3}\/compliance(\?year=\d{4})?$/.test(req.url);
      return servePublicPage(
        req,
        reply,
        pages,
        async () => {
          const data = await yearData(req, false);
          const otherView = canViewInternalCompliance(req.user) ? `/${req.locale}/workspace/compliance?year=${data.year}` : undefined;
          return <YearCompliancePage data={data} mapSvg={mapOf(req, data)} internal={false} otherView={otherView} />;
        },
        cacheable,
      );
    });

    app.get('/:locale/workspace/compliance', async (req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      assertCan(canViewInternalCompliance(req.user));
      const data = await yearData(req, true);
      return reply.header('cache-control', 'no-store').page(<YearCompliancePage data={data} mapSvg={mapOf(req, data)} internal otherView={`/${req.locale}/compliance?year=${data.year}`} />);
    });

    app.get('/:locale/compliance.csv', async (req, reply) => {
      const data = await yearData(req, false);
      const t = req.tr.t;
      const rows: CsvCell[][] = [
        ['iso2', 'state', 'region', 'report', 'year', 'due_date', 'status', 'status_label', 'first_submitted_at', 'days_late'],
        ...[...data.rows, ...data.initial].map((r) => [
          r.iso2,
          r.name,
          r.region,
          r.kind,
          r.year,
          r.dueDate,
          r.status,
          statusText(t, r),
          r.firstSubmittedAt ? r.firstSubmittedAt.toISOString() : '',
          r.status === 'late' ? r.daysLate : '',
        ]),
      ];
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="article7-compliance-${data.year}-${req.locale}.csv"`)
        .header('cache-control', 'no-cache')
        .send(csvDocument(rows));
    });

    app.get('/:locale/compliance/trends', async (req, reply) => {
      return servePublicPage(req, reply, pages, async () => <TrendsPage trends={await complianceTrends(db(), todayIso())} />, !req.url.includes('?'));
    });

    app.get('/:locale/compliance/trends.csv', async (_req, reply) => {
      const trends = await complianceTrends(db(), todayIso());
      const rows: CsvCell[][] = [
        ['year', 'due_date', 'states_counted', 'on_time', 'late', 'not_submitted', 'not_yet_due', 'on_time_rate', 'submitted_rate', 'mean_days_late'],
        ...trends.summaries.map((s) => [
          s.year,
          `${s.year + 1}-04-30`,
          s.counted,
          s.onTime,
          s.late,
          s.notSubmitted,
          s.pending,
          s.onTimeRate.toFixed(4),
          s.submittedRate.toFixed(4),
          s.late ? s.meanDaysLate.toFixed(1) : '',
        ]),
      ];
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="article7-compliance-trends.csv"')
        .header('cache-control', 'no-cache')
        .send(csvDocument(rows));
    });

    app.get<{ Params: { locale: string; iso2: string } }>('/:locale/compliance/states/:iso2', async (req, reply) => {
      const { iso2 } = req.params;
      if (!/^[A-Za-z]{2}$/.test(iso2)) throw new AppError('not_found', 'states.not_found');
      if (iso2 !== iso2.toLowerCase()) return reply.redirect(`/${req.locale}/compliance/states/${iso2.toLowerCase()}`, 301);
      const internal = canViewInternalCompliance(req.user);
      const build = async () => <StateCompliancePage history={await stateComplianceHistory(db(), iso2, { locale: req.locale, today: todayIso(), internal })} />;
      if (internal) return reply.header('cache-control', 'no-store').page(await build());
      return servePublicPage(req, reply, pages, build, !req.url.includes('?'));
    });

    /* ----- The reminder schedule (ISU) ----- */

    async function remindersPage(req: FastifyRequest, reply: FastifyReply, extra: { values?: { offsetDays?: string }; errors?: Record<string, string>; status?: number } = {}) {
      const q = (req.query ?? {}) as Query;
      const flash = q.flash && FLASHES.has(q.flash) ? (q.flash as RulesFlash) : undefined;
      const ran = ranQuery.safeParse(q);
      const [rules, recent] = await Promise.all([selectReminderRules(db()), selectRecentReminders(db(), 20)]);
      return reply.page(
        <RemindersPage
          rules={rules}
          recent={recent}
          flash={flash}
          ran={ran.success ? { due: ran.data.due, queued: ran.data.queued, alreadyQueued: ran.data.already } : undefined}
          values={extra.values}
          errors={extra.errors}
          // ISU staff and administrators manage the reminders and read the outbox alike.
          canViewOutbox={canManageReminders(req.user)}
        />,
        extra.status,
      );
    }

    app.get('/:locale/admin/reminders', async (req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      assertCan(canManageReminders(req.user));
      return remindersPage(req, reply);
    });

    app.post('/:locale/admin/reminders', async (req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      assertCan(canManageReminders(req.user));
      const body = formBody(req.body);
      const typed = typeof body.offsetDays === 'string' ? body.offsetDays.slice(0, 50) : '';
      const form = parseForm(offsetSchema, body, req.tr);
      if (!form.ok) return remindersPage(req, reply, { values: { offsetDays: typed }, errors: form.errors, status: 422 });
      try {
        await addReminderRule(deps, req.actor, req.user, { offsetDays: form.data.offsetDays });
      } catch (e) {
        if (isAppError(e) && e.code === 'compliance.rules.exists') return remindersPage(req, reply, { values: { offsetDays: typed }, errors: { offsetDays: req.tr.t('compliance.reminders.offset_exists') }, status: 422 });
        throw e;
      }
      return reply.redirect(`/${req.locale}/admin/reminders?flash=added`, 303);
    });

    for (const action of ['enable', 'disable', 'delete'] as const) {
      app.post<{ Params: { locale: string; id: string } }>(`/:locale/admin/reminders/:id/${action}`, async (req, reply) => {
        if (!req.user) return signInRedirect(req, reply);
        assertCan(canManageReminders(req.user));
        if (action === 'delete') await deleteReminderRule(deps, req.actor, req.user, req.params.id);
        else await setReminderRuleEnabled(deps, req.actor, req.user, req.params.id, action === 'enable');
        const flash: RulesFlash = action === 'delete' ? 'deleted' : action === 'enable' ? 'enabled' : 'disabled';
        return reply.redirect(`/${req.locale}/admin/reminders?flash=${flash}`, 303);
      });
    }

    app.post('/:locale/admin/reminders/run', async (req, reply) => {
      if (!req.user) return signInRedirect(req, reply);
      assertCan(canRunReminders(req.user));
      const r = await runRemindersNow(deps, req.actor, req.user);
      return reply.redirect(`/${req.locale}/admin/reminders?ran=1&due=${r.due}&queued=${r.queued}&already=${r.alreadyQueued}`, 303);
    });
  };
}
