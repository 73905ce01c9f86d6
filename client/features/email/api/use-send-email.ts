import { trpc } from '../../../lib/trpc.ts';

export const useSendEmail = () => {
  const utils = trpc.useUtils();
  return trpc.email.send.useMutation({
    onSuccess: (email) => utils.email.get.setData({ emailId: email.id }, email),
  });
};
