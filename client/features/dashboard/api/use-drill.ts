import type { ContactSource } from '../../../../src/contracts/contact.ts';
import type { DrillMetric, RangeInput } from '../../../../src/contracts/dashboard.ts';
import { trpc } from '../../../lib/trpc.ts';
import { viewerTimeZone } from './use-live-dashboard.ts';

export type DrillTarget = { metric: DrillMetric; label: string; range?: RangeInput; userId?: string; aiAgentId?: string; reason?: string; source?: ContactSource };

/** The list behind a number, page by page (server cursors). */
export const useDrill = (target: DrillTarget) => {
  const { label: _label, ...input } = target;
  return trpc.dashboard.drill.useInfiniteQuery(
    { ...input, timeZone: viewerTimeZone(), limit: 50 },
    { getNextPageParam: (page) => page.nextCursor ?? undefined, staleTime: 30_000 },
  );
};
