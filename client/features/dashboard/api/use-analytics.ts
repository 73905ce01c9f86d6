import { keepPreviousData } from '@tanstack/react-query';
import type { RangeInput } from '../../../../src/contracts/dashboard.ts';
import { trpc } from '../../../lib/trpc.ts';
import { viewerTimeZone } from './use-live-dashboard.ts';

/** Every analytics section of a range; the previous range stays on screen while the next loads. */
export const useAnalytics = (range: RangeInput) =>
  trpc.dashboard.analytics.useQuery({ range, timeZone: viewerTimeZone() }, { placeholderData: keepPreviousData, staleTime: 60_000 });
