import { ZAnalyticsInput, ZDrillInput, ZExportCsvInput, ZLiveInput, ZTimeZone } from '../../src/contracts/dashboard.ts';
import { t } from '../trpc/init.ts';
import { mapStreamErrors, supervisorProcedure } from '../trpc/procedures.ts';
import { getAnalytics } from './analytics/get-analytics.ts';
import { drillDown } from './drill/drill-down.ts';
import { exportCsv } from './export-csv.ts';
import { watchLive } from './live/watch-live.ts';

const ZDrill = ZDrillInput.extend({ timeZone: ZTimeZone });

/** Supervisor views: live operations (pushed), analytics, drill-downs and CSV. Agents are refused. */
export const dashboardRouter = t.router({
  live: supervisorProcedure.input(ZLiveInput).subscription(({ ctx, input, signal }) =>
    mapStreamErrors(watchLive(ctx.deps, { tenantId: ctx.tenantId, timeZone: input.timeZone, signal: signal ?? new AbortController().signal })),
  ),
  analytics: supervisorProcedure.input(ZAnalyticsInput).query(({ ctx, input }) => getAnalytics(ctx.deps, { tenantId: ctx.tenantId, ...input })),
  drill: supervisorProcedure.input(ZDrill).query(({ ctx, input }) => drillDown(ctx.deps, { ...input, tenantId: ctx.tenantId })),
  exportCsv: supervisorProcedure.input(ZExportCsvInput).query(({ ctx, input }) => exportCsv(ctx.deps, { ...input, tenantId: ctx.tenantId })),
});
