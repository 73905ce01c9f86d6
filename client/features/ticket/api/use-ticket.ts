import { trpc } from '../../../lib/trpc.ts';

/** One ticket with its comments and history. Patched live by use-ticket-events. */
export const useTicket = (ticketId: string) => trpc.ticket.get.useQuery({ ticketId }, { staleTime: 60_000 });
