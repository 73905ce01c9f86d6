import { trpc } from '../../../lib/trpc.ts';

/** One email with its engagement; patched live by use-email-events. */
export const useEmail = (emailId: string) => trpc.email.get.useQuery({ emailId }, { staleTime: 60_000 });
