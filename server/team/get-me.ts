import type { MeDto } from '../../src/contracts/dto.ts';
import { AppError } from '../../src/errors.ts';
import type { Deps } from '../deps.ts';
import { toMemberDto } from './member-dto.ts';

export const getMe = async (deps: Deps, { tenantId, userId }: { tenantId: string; userId: string }): Promise<MeDto> => {
  const user = await deps.db.user.findFirst({ where: { id: userId, tenantId }, include: { tenant: true } });
  if (!user) throw new AppError('NOT_FOUND', { userMessage: 'Account not found.' });
  return { user: toMemberDto(user), workspace: { id: user.tenant.id, name: user.tenant.name }, features: { ai: deps.openai ? 'online' : 'offline' } };
};
