import type { TicketDto, UpdateTicketInput } from '../../../../src/contracts/ticket.ts';
import { trpc } from '../../../lib/trpc.ts';
import { patchDetail } from './ticket-cache.ts';

type Changes = Omit<UpdateTicketInput, 'ticketId'>;

/**
 * Changes a ticket's fields. The editor shows the new value at once (optimistic); the answer and
 * the event bring the server's truth, including the SLA due times the change moved. A refusal
 * (e.g. closed → pending) puts the old values back.
 */
export const useUpdateTicket = (assigneeName: (id: string) => string) => {
  const utils = trpc.useUtils();
  return trpc.ticket.update.useMutation({
    onMutate: async ({ ticketId, ...changes }) => {
      await utils.ticket.get.cancel({ ticketId });
      const previous = utils.ticket.get.getData({ ticketId });
      utils.ticket.get.setData({ ticketId }, (d) => d && { ...d, ticket: optimistic(d.ticket, changes, assigneeName) });
      return { previous };
    },
    onError: (_err, { ticketId }, context) => {
      if (context?.previous) utils.ticket.get.setData({ ticketId }, context.previous);
      // Someone else may have changed it meanwhile: the server has the truth.
      void utils.ticket.get.invalidate({ ticketId });
    },
    onSuccess: (ticket) => utils.ticket.get.setData({ ticketId: ticket.id }, (d) => patchDetail(d, ticket, { onlyIfNewer: true })),
  });
};

const optimistic = (t: TicketDto, c: Changes, assigneeName: (id: string) => string): TicketDto => ({
  ...t,
  ...(c.subject !== undefined ? { subject: c.subject } : {}),
  ...(c.status !== undefined ? { status: c.status } : {}),
  ...(c.priority !== undefined ? { priority: c.priority } : {}),
  ...(c.tags !== undefined ? { tags: c.tags } : {}),
  ...(c.assigneeId !== undefined ? { assignee: c.assigneeId === null ? null : { id: c.assigneeId, name: assigneeName(c.assigneeId) } } : {}),
});

/** Status or assignee for many tickets at once; the answer lists what was refused and why. */
export const useBulkUpdateTickets = () => trpc.ticket.bulkUpdate.useMutation();
