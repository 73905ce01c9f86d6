import type { SignInInput } from '../../src/contracts/team.ts';
import { AppError } from '../../src/errors.ts';
import { decoyPasswordHash, verifyPassword } from '../auth/password.ts';
import type { Deps } from '../deps.ts';
import { toMemberDto } from './member-dto.ts';
import type { SignedIn } from './sign-up.ts';

export const signIn = async (deps: Deps, input: SignInInput & { ip: string }): Promise<SignedIn> => {
  await deps.signInLimiter.beginAttempt(input.email, input.ip);
  const user = await deps.db.user.findUnique({ where: { email: input.email }, include: { tenant: true } });
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!user || !valid || user.status !== 'ACTIVE') {
    // beginAttempt already counted this as a failure. One message for every cause, so the form
    // does not reveal which accounts exist.
    throw new AppError('UNAUTHENTICATED', { userMessage: 'Email or password is incorrect.' });
  }
  await deps.signInLimiter.recordSuccess(input.email, input.ip);
  const session = await deps.lucia.createSession(user.id, {});
  return {
    sessionToken: session.id,
    me: { user: toMemberDto(user), workspace: { id: user.tenant.id, name: user.tenant.name } },
  };
};
