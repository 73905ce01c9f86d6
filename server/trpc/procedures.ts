import { TRPCError } from '@trpc/server';
import { AppError } from '../../src/errors.ts';
import { hasRole, type Role } from '../../src/domain/roles.ts';
import { toTrpcError } from './error-map.ts';
import { t } from './init.ts';
import type { Session, User } from 'lucia';
import type { Context } from './context.ts';
import { takeUpgradeCheck } from '../realtime/upgrade-check.ts';

/**
 * Maps service errors once, for every procedure, and writes one log line per call (mutations at
 * info, reads at debug) with request, tenant and user ids; what nobody expected is logged as an error.
 */
const withErrors = t.middleware(async ({ ctx, next, path, type }) => {
  const started = performance.now();
  const result = await next();
  const line = { path, type, transport: ctx.transport, ms: Math.round(performance.now() - started), ok: result.ok, ...ctx.actor };
  ctx.log[type === 'query' ? 'debug' : 'info'](result.ok ? line : { ...line, code: result.error.code }, 'rpc');
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) {
      if (cause.retryAfterSeconds !== undefined) ctx.setHeader('Retry-After', String(cause.retryAfterSeconds));
      throw toTrpcError(cause);
    }
    if (result.error.code === 'INTERNAL_SERVER_ERROR') {
      ctx.log.error({ err: result.error.cause ?? result.error, path, type, ...ctx.actor }, 'procedure failed');
    }
  }
  return result;
});

export const publicProcedure = t.procedure.use(withErrors);

type SessionCheck = { session: Session | null; user: User | null };
type SessionContext = Pick<Context, 'sessionToken' | 'socket' | 'deps'>;

const checkSession = (ctx: SessionContext): Promise<SessionCheck> =>
  ctx.sessionToken ? ctx.deps.lucia.validateSession(ctx.sessionToken) : Promise.resolve({ session: null, user: null });

/** Signs the call in with the session `check` found: its user, workspace and log fields. */
const withSession = (check: (ctx: SessionContext) => Promise<SessionCheck>) =>
  publicProcedure.use(async ({ ctx, next }) => {
    const { session, user } = await check(ctx);
    if (!session || !user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in.' });
    ctx.actor.tenantId = user.tenantId;
    ctx.actor.userId = user.id;
    if (session.fresh) ctx.setCookie(ctx.deps.lucia.createSessionCookie(session.id).serialize());
    return next({ ctx: { user, session, tenantId: user.tenantId } });
  });

/**
 * Validates the session on every call (also over a long-lived WebSocket), so a deactivation or a
 * role change takes effect on the next call, not the next connection.
 */
export const authedProcedure = withSession(checkSession);

const requireRole = (role: Role) =>
  t.middleware(({ ctx, next }) => {
    const user = (ctx as { user?: { role: Role } }).user;
    if (!user || !hasRole(user.role, role)) {
      throw toTrpcError(new AppError('FORBIDDEN', { userMessage: `Only ${role.toLowerCase()}s and above can do this.` }));
    }
    return next();
  });

export const agentProcedure = authedProcedure.use(requireRole('AGENT'));
export const supervisorProcedure = authedProcedure.use(requireRole('SUPERVISOR'));
export const adminProcedure = authedProcedure.use(requireRole('ADMIN'));

/**
 * `events.stream`: as agentProcedure, except that a socket's first stream may take the session
 * check its upgrade has just made (server/realtime/upgrade-check.ts says when). The WebSocket
 * edge, which serves the stream itself, checks with `checkStreamSession` too.
 */
export const checkStreamSession = async (ctx: SessionContext): Promise<SessionCheck> => (ctx.socket ? takeUpgradeCheck(ctx.socket) : null) ?? checkSession(ctx);

export const eventStreamProcedure = withSession(checkStreamSession).use(requireRole('AGENT'));

/**
 * A subscription's body runs after the middleware has returned, so service errors thrown while
 * it streams are mapped here instead (else a NOT_FOUND would reach the client as a 500).
 */
export async function* mapStreamErrors<T>(stream: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* stream;
  } catch (err) {
    throw err instanceof AppError ? toTrpcError(err) : err;
  }
}
