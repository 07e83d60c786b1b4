/**
 * Administration pages: the audit log (browse, filter, CSV export; nothing edits or deletes an event)
 * and the e-mail outbox (browse, read, retry a failed message). Thin: parse → policy → query or
 * command → render or redirect.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { AppDeps } from '../../platform/deps.ts';
import { optionalText, parseForm } from '../../platform/http/forms.ts';
import { normaliseDigits } from '../../platform/i18n/digits.ts';
import { OUTBOX_STATUSES } from '../../platform/mail/outbox-repository.ts';
import { assertCan, canRetryEmail, canViewAuditLog, canViewOutbox, type MaybeUser } from './policy.ts';
import { allAuditEvents, listAuditPage, resolveAuditFilter } from './audit-queries.ts';
import { AUDIT_CSV_COLUMNS, CSV_BOM, auditCsvRow, csvRow } from './audit-csv.ts';
import { getOutboxEmail, outboxListing } from './outbox-queries.ts';
import { retryEmail } from './outbox-commands.ts';
import { AUDIT_FILTER_FIELDS, AuditPage, filterQuery, type AuditFilterValues } from './views/audit.tsx';
import { OutboxEmailPage, OutboxPage } from './views/outbox.tsx';

/** Most rows one CSV export holds (newest first); narrow the filter for older events. */
export const AUDIT_CSV_MAX_ROWS = 100_000;

const isRealDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

const dateField = z.preprocess(
  (v) => (typeof v === 'string' ? normaliseDigits(v).trim() || undefined : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'admin.audit.date_invalid' })
    .refine(isRealDate, { error: 'admin.audit.date_invalid' })
    .optional(),
);

const auditFilterSchema = z
  .object({
    q: optionalText(200),
    action: optionalText(100),
    entityType: optionalText(100),
    entityId: optionalText(200),
    actor: optionalText(320),
    from: dateField,
    to: dateField,
    before: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional()),
  })
  .superRefine((f, ctx) => {
    if (f.from && f.to && f.from > f.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'admin.audit.range_invalid' });
  });

const outboxFilterSchema = z.object({
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(OUTBOX_STATUSES as [string, ...string[]], { error: 'admin.outbox.choose_listed' }).optional()),
  kind: optionalText(100),
  page: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number({ error: 'admin.outbox.page_invalid' }).int({ error: 'admin.outbox.page_invalid' }).min(1, { error: 'admin.outbox.page_invalid' }).max(100_000, { error: 'admin.outbox.page_invalid' }).default(1)),
});

/** The filter fields as typed (strings only, bounded), to show them again. */
function typedValues(query: unknown): AuditFilterValues {
  const q = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const out: AuditFilterValues = {};
  for (const k of AUDIT_FILTER_FIELDS) {
    const v = q[k];
    if (typeof v === 'string') out[k] = v.slice(0, 500);
  }
  return out;
}

/** Anonymous visitors are sent to sign in (and back); signed-in users without the right get 403. */
function gate(req: FastifyRequest, reply: FastifyReply, allowed: (u: MaybeUser) => boolean): FastifyReply | undefined {
  if (!req.user) return reply.redirect(`/${req.locale}/login?returnTo=${encodeURIComponent(req.url.slice(0, 480))}`, 303);
  assertCan(allowed(req.user));
  return undefined;
}

export function registerAdminPageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  // ---- Audit log --------------------------------------------------------------------------

  app.get('/:locale/admin/audit', async (req, reply) => {
    const redirect = gate(req, reply, canViewAuditLog);
    if (redirect) return redirect;
    const form = parseForm(auditFilterSchema, req.query, req.tr);
    if (!form.ok) return reply.page(<AuditPage values={typedValues(req.query)} errors={form.errors} rows={[]} />, 422);
    const values: AuditFilterValues = { ...form.data };
    const { filter, unknownActor } = await resolveAuditFilter(db, form.data);
    if (unknownActor) return reply.page(<AuditPage values={values} errors={{ actor: req.tr.t('admin.audit.actor_unknown') }} rows={[]} />, 422);
    const page = await listAuditPage(db, filter);
    const base = `/${req.locale}/admin/audit`;
    return reply.page(
      <AuditPage
        values={values}
        rows={page.rows}
        olderHref={page.nextBeforeId ? `${base}${filterQuery(values, { before: page.nextBeforeId })}` : undefined}
        newestHref={form.data.before ? `${base}${filterQuery(values)}` : undefined}
      />,
    );
  });

  app.get('/:locale/admin/audit.csv', async (req, reply) => {
    const redirect = gate(req, reply, canViewAuditLog);
    if (redirect) return redirect;
    const form = parseForm(auditFilterSchema, req.query, req.tr);
    if (!form.ok) return reply.page(<AuditPage values={typedValues(req.query)} errors={form.errors} rows={[]} />, 422);
    const { filter, unknownActor } = await resolveAuditFilter(db, { ...form.data, before: undefined });
    if (unknownActor) return reply.page(<AuditPage values={{ ...form.data }} errors={{ actor: req.tr.t('admin.audit.actor_unknown') }} rows={[]} />, 422);
    async function* lines() {
      yield CSV_BOM + csvRow([...AUDIT_CSV_COLUMNS]);
      for await (const event of allAuditEvents(db, filter, AUDIT_CSV_MAX_ROWS)) yield auditCsvRow(event);
    }
    const stamp = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="audit-log-${stamp}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(lines()));
  });

  // ---- E-mail outbox ----------------------------------------------------------------------

  app.get('/:locale/admin/outbox', async (req, reply) => {
    const redirect = gate(req, reply, canViewOutbox);
    if (redirect) return redirect;
    const form = parseForm(outboxFilterSchema, req.query, req.tr);
    if (!form.ok) {
      const listing = await outboxListing(db, { page: 1 });
      // The page number has no field on the page: its message stands alone in the summary.
      const { page: pageError, ...errors } = form.errors;
      return reply.page(<OutboxPage {...listing} rows={[]} errors={pageError ? { ...errors, _form: pageError } : errors} />, 422);
    }
    const { status, kind, page } = form.data;
    const listing = await outboxListing(db, { status: status as (typeof OUTBOX_STATUSES)[number] | undefined, kind, page });
    const href = (p: number) => {
      const params = new URLSearchParams();
      if (status) params.set('status', status);
      if (kind) params.set('kind', kind);
      if (p > 1) params.set('page', String(p));
      const s = params.toString();
      return `/${req.locale}/admin/outbox${s ? `?${s}` : ''}`;
    };
    return reply.page(
      <OutboxPage {...listing} status={status} kind={kind} prevHref={page > 1 ? href(page - 1) : undefined} nextHref={listing.hasMore ? href(page + 1) : undefined} />,
    );
  });

  app.get<{ Params: { id: string }; Querystring: { retried?: string } }>('/:locale/admin/outbox/:id', async (req, reply) => {
    const redirect = gate(req, reply, canViewOutbox);
    if (redirect) return redirect;
    const email = await getOutboxEmail(db, req.params.id);
    return reply.page(<OutboxEmailPage email={email} retried={req.query.retried === '1'} canRetry={canRetryEmail(req.user, email)} />);
  });

  app.post<{ Params: { id: string } }>('/:locale/admin/outbox/:id/retry', async (req, reply) => {
    const redirect = gate(req, reply, canViewOutbox);
    if (redirect) return redirect;
    const email = await getOutboxEmail(db, req.params.id);
    await retryEmail(deps, req.actor, req.user, email.id);
    return reply.redirect(`/${req.locale}/admin/outbox/${email.id}?retried=1`, 303);
  });
}
