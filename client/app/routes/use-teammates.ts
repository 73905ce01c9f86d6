import { useMemo } from 'react';
import { useMembers } from '../../features/team/api/use-members.ts';

/** Active teammates as {id, name}, for owner and assignee pickers. */
export const useTeammates = () => {
  const members = useMembers();
  return useMemo(() => (members.data ?? []).filter((m) => m.status === 'ACTIVE').map(({ id, name }) => ({ id, name })), [members.data]);
};
