/**
 * Background work of the analysis on the shared job runner: every submitted report version is
 * analysed soon after it arrives. A poller (safe with several instances: the analysis of a
 * report is an idempotent upsert) looks, at most every ANALYSIS_POLL_MS, for submitted reports
 * whose latest version has not been analysed for every active indicator, and analyses them.
 * Reporting does not need to know: submission is seen in report_versions.
 */
import type { Database } from '../../platform/db/client.ts';
import type { JobLogger, JobRunner } from '../../platform/jobs/runner.ts';
import { analysePendingReports } from './indicators/indicators-commands.ts';
import { indexNewVersions } from './search/index.ts';

export const ANALYSIS_TASK = 'analysis.pending_reports';
export const ANALYSIS_POLL_MS = 10_000;

export function scheduleAnalysisTasks(runner: JobRunner, deps: { database: Database }, opts: { log?: JobLogger; pollMs?: number; now?: () => number } = {}): void {
  const every = opts.pollMs ?? ANALYSIS_POLL_MS;
  const now = opts.now ?? Date.now;
  let last = -Infinity;
  // Reports whose analysis failed in this process are not retried on every round (the error is
  // logged once); they are tried again when the process restarts or ISU asks for it.
  const failed = new Set<string>();
  runner.poll(ANALYSIS_TASK, async () => {
    if (now() - last < every) return;
    last = now();
    const { analysed, failed: errors } = await analysePendingReports(deps.database, { userId: null, label: `job:${ANALYSIS_TASK}` }, { limit: 25, trigger: 'automatic', skip: failed });
    for (const f of errors) {
      failed.add(f.reportId);
      opts.log?.error({ task: ANALYSIS_TASK, report: f.reportId, err: f.error }, 'report analysis failed');
    }
    if (analysed.length) opts.log?.info({ task: ANALYSIS_TASK, reports: analysed.length }, 'reports analysed');
    await indexNewVersions(deps.database, analysed.map((a) => a.reportId), opts.log);
  });
}
