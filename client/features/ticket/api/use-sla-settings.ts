import { trpc } from '../../../lib/trpc.ts';

/** Targets per priority. Kept current by use-ticket-events (`sla_policy.changed`). */
export const useSlaPolicies = () => trpc.ticket.slaPolicies.useQuery(undefined, { staleTime: 5 * 60_000 });
export const useBusinessCalendar = () => trpc.ticket.businessCalendar.useQuery(undefined, { staleTime: 5 * 60_000 });

export const useUpdateSlaPolicies = () => {
  const utils = trpc.useUtils();
  return trpc.ticket.updateSlaPolicies.useMutation({ onSuccess: (policies) => utils.ticket.slaPolicies.setData(undefined, policies) });
};

export const useUpdateBusinessCalendar = () => {
  const utils = trpc.useUtils();
  return trpc.ticket.updateBusinessCalendar.useMutation({ onSuccess: (calendar) => utils.ticket.businessCalendar.setData(undefined, calendar) });
};
