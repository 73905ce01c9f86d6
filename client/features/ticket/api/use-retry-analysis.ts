import { trpc } from '../../../lib/trpc.ts';

/** Runs the AI analysis again (after a failure, or for a ticket never analysed); progress arrives as events. */
export const useRetryAnalysis = () => trpc.ticket.retryAnalysis.useMutation();
