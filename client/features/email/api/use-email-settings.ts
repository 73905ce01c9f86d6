import { trpc } from '../../../lib/trpc.ts';

export const useEmailSettings = () => trpc.email.settings.useQuery(undefined, { staleTime: 60_000 });

export const useUpdateEmailSettings = () => {
  const utils = trpc.useUtils();
  return trpc.email.updateSettings.useMutation({
    onSuccess: (settings) => utils.email.settings.setData(undefined, settings),
  });
};
