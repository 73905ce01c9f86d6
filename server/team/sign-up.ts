import type { SignUpInput } from '../../src/contracts/team.ts';
import type { MeDto } from '../../src/contracts/dto.ts';
import { AppError } from '../../src/errors.ts';
import { hashPassword } from '../auth/password.ts';
import type { Deps } from '../deps.ts';
import { Prisma } from '../db/generated/client.ts';
import { appendEvents } from '../realtime/event-log.ts';
import { publishEvents } from '../realtime/publish-events.ts';
import { toMemberDto } from './member-dto.ts';

export type SignedIn = { sessionToken: string; me: MeDto };

const emailTaken = () =>
  new AppError('CONFLICT', { userMessage: 'An account with this email already exists. Sign in instead.' });

/** Creates a workspace with its founder as ADMIN and signs them in. */
export const signUp = async (deps: Deps, input: SignUpInput): Promise<SignedIn> => {
  if (await deps.db.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken();
  const passwordHash = await hashPassword(input.password);
  try {
    const { tenant, user, events } = await deps.db.$transaction(async (tx) => {
      const tenant = await tx.tenant.create({ data: { name: input.workspaceName, eventCounter: { create: {} } } });
      const user = await tx.user.create({
        data: { tenantId: tenant.id, email: input.email, name: input.name, role: 'ADMIN', passwordHash },
      });
      const events = await appendEvents(tx, tenant.id, [
        { type: 'member.joined', actorId: user.id, payload: { member: toMemberDto(user), inviteId: null } },
      ]);
      return { tenant, user, events };
    });
    await publishEvents(deps, tenant.id, events);
    const session = await deps.lucia.createSession(user.id, {});
    return { sessionToken: session.id, me: { user: toMemberDto(user), workspace: { id: tenant.id, name: tenant.name } } };
  } catch (err) {
    // Two sign-ups racing for one address: the unique index decides, the loser is told plainly.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw emailTaken();
    throw err;
  }
};
