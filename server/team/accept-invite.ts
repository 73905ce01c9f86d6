import type { AcceptInviteInput } from '../../src/contracts/team.ts';
import { AppError } from '../../src/errors.ts';
import { hashPassword } from '../auth/password.ts';
import { hashToken } from '../auth/token.ts';
import type { Db, Tx } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import { Prisma } from '../db/generated/client.ts';
import { appendEvents } from '../realtime/event-log.ts';
import { publishEvents } from '../realtime/publish-events.ts';
import { toMemberDto } from './member-dto.ts';
import type { SignedIn } from './sign-up.ts';

const invalidInvite = () =>
  new AppError('NOT_FOUND', { userMessage: 'This invite link is invalid or has expired. Ask for a new one.' });

const findUsableInvite = async (db: Db | Tx, token: string) => {
  const invite = await db.invite.findUnique({ where: { tokenHash: hashToken(token) }, include: { tenant: true } });
  if (!invite || invite.acceptedAt || invite.revokedAt || invite.expiresAt <= new Date()) return null;
  return invite;
};

/** What the invite page shows before the teammate sets a password. */
export const previewInvite = async (deps: Deps, { token }: { token: string }) => {
  const invite = await findUsableInvite(deps.db, token);
  if (!invite) throw invalidInvite();
  return { workspaceName: invite.tenant.name, email: invite.email, role: invite.role };
};

export const acceptInvite = async (deps: Deps, input: AcceptInviteInput): Promise<SignedIn> => {
  const passwordHash = await hashPassword(input.password);
  try {
    const { user, tenant, events } = await deps.db.$transaction(async (tx) => {
      const invite = await findUsableInvite(tx, input.token);
      if (!invite) throw invalidInvite();
      // Claim the invite first: of two tabs accepting one link, only one claims it.
      const claimed = await tx.invite.updateMany({
        where: { id: invite.id, acceptedAt: null, revokedAt: null },
        data: { acceptedAt: new Date() },
      });
      if (claimed.count === 0) throw invalidInvite();
      const user = await tx.user.create({
        data: { tenantId: invite.tenantId, email: invite.email, name: input.name, role: invite.role, passwordHash },
      });
      const events = await appendEvents(tx, invite.tenantId, [
        { type: 'member.joined', actorId: user.id, payload: { member: toMemberDto(user), inviteId: invite.id } },
      ]);
      return { user, tenant: invite.tenant, events };
    });
    await publishEvents(deps, tenant.id, events);
    const session = await deps.lucia.createSession(user.id, {});
    return { sessionToken: session.id, me: { user: toMemberDto(user), workspace: { id: tenant.id, name: tenant.name } } };
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw new AppError('CONFLICT', { userMessage: 'An account with this email already exists. Sign in instead.' });
    }
    throw err;
  }
};
