import { trpc } from '../../../lib/trpc.ts';

/** New ticket from the list's dialog. The list learns of it from the `ticket.created` event. */
export const useCreateTicket = () => trpc.ticket.create.useMutation();

/** "Create ticket" from a conversation: the server copies the transcript and links the two. */
export const useCreateTicketFromConversation = () => trpc.ticket.createFromConversation.useMutation();
