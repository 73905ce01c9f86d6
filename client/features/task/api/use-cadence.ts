import { trpc } from '../../../lib/trpc.ts';

export const useCadence = () => trpc.task.cadence.useQuery(undefined, { staleTime: 60_000 });

export const useUpdateCadence = () => {
  const utils = trpc.useUtils();
  return trpc.task.updateCadence.useMutation({ onSuccess: (cadence) => utils.task.cadence.setData(undefined, cadence) });
};
