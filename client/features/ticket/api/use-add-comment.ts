import { trpc } from '../../../lib/trpc.ts';
import { patchDetail } from './ticket-cache.ts';

/** Adds a public reply or an internal note; the comment lands in the timeline as soon as the server has it. */
export const useAddComment = () => {
  const utils = trpc.useUtils();
  return trpc.ticket.addComment.useMutation({
    onSuccess: (comment) =>
      utils.ticket.get.setData({ ticketId: comment.ticketId }, (d) => d && patchDetail(d, d.ticket, { comment })),
  });
};
