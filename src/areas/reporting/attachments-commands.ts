/** Files attached to a report: added and removed by the State while the report is editable. */
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { recordAudit, type Actor } from '../../platform/audit/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { storeFile } from '../../platform/files/files.ts';
import { userText } from '../../platform/http/forms.ts';
import type { Principal } from '../accounts/index.ts';
import { canEditReport } from './policy.ts';
import * as repo from './reports-repository.ts';
import { reportAttachments } from './schema.ts';

export const MAX_ATTACHMENTS = 30;
/** The description's limit, in UTF-16 code units like the page input's maxlength and every other text limit. */
export const MAX_DESCRIPTION = 500;

export async function addAttachment(deps: Pick<AppDeps, 'database' | 'config'>, actor: Actor, user: Principal | undefined, input: { reportId: string; filename: string; data: Buffer; description: string | undefined }) {
  // Kept as typed (cleaned like any text), or refused: never cut short silently.
  const description = input.description === undefined ? '' : userText(input.description);
  if (description.length > MAX_DESCRIPTION) throw new AppError('validation', 'file.description_too_long', { max: MAX_DESCRIPTION });
  return withTransaction(deps.database.db, async (tx) => {
    const report = await repo.lockReport(tx, input.reportId);
    if (!report) throw notFound();
    if (!canEditReport(user, report)) throw new AppError('forbidden', 'forbidden');
    if ((await repo.listAttachments(tx, report.id)).length >= MAX_ATTACHMENTS) throw new AppError('validation', 'file.too_many', { max: MAX_ATTACHMENTS });
    const file = await storeFile(tx, { filename: input.filename, data: input.data, createdBy: actor.userId, accept: ['pdf', 'image', 'spreadsheet', 'document', 'text'], maxBytes: deps.config.uploadLimit });
    const [row] = await tx.insert(reportAttachments).values({ reportId: report.id, fileId: file.id, description: description || null, createdBy: actor.userId }).returning();
    await recordAudit(tx, actor, { action: 'reporting.attachment.added', entityType: 'report', entityId: report.id, summary: { file: file.filename, size: file.size, type: file.contentType } });
    return row!;
  });
}

export async function removeAttachment(deps: Pick<AppDeps, 'database'>, actor: Actor, user: Principal | undefined, input: { reportId: string; attachmentId: string }) {
  return withTransaction(deps.database.db, async (tx) => {
    const report = await repo.lockReport(tx, input.reportId);
    if (!report) throw notFound();
    if (!canEditReport(user, report)) throw new AppError('forbidden', 'forbidden');
    if (!repo.isUuid(input.attachmentId)) throw notFound();
    const rows = await tx.delete(reportAttachments).where(and(eq(reportAttachments.id, input.attachmentId), eq(reportAttachments.reportId, report.id))).returning();
    if (!rows.length) throw notFound();
    await recordAudit(tx, actor, { action: 'reporting.attachment.removed', entityType: 'report', entityId: report.id, summary: { attachment: input.attachmentId } });
  });
}
