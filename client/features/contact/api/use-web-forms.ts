import { trpc } from '../../../lib/trpc.ts';

export const useWebForms = (enabled: boolean) => trpc.webForm.list.useQuery(undefined, { staleTime: 60_000, enabled });

export const useCreateWebForm = () => {
  const utils = trpc.useUtils();
  return trpc.webForm.create.useMutation({ onSuccess: () => utils.webForm.list.invalidate() });
};

export const useRotateWebFormSecret = () => trpc.webForm.rotateSecret.useMutation();

export const useDeleteWebForm = () => {
  const utils = trpc.useUtils();
  return trpc.webForm.delete.useMutation({ onSettled: () => utils.webForm.list.invalidate() });
};
