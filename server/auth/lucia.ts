import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from 'lucia';
import type { Role } from '../../src/domain/roles.ts';
import type { Db } from '../db/client.ts';
import { hashToken } from './token.ts';

export type SessionUserAttributes = { tenantId: string; email: string; name: string; role: Role };

/**
 * Lucia adapter over Prisma that stores SHA-256 of the session id: lucia hands us the id that is
 * in the cookie, and every lookup hashes it first. Deactivated members have no valid sessions.
 */
const createAdapter = (db: Db): Adapter => ({
  getSessionAndUser: async (sessionId) => {
    const row = await db.session.findUnique({ where: { id: hashToken(sessionId) }, include: { user: true } });
    if (!row || row.user.status !== 'ACTIVE') return [null, null];
    const session: DatabaseSession = { id: sessionId, userId: row.userId, expiresAt: row.expiresAt, attributes: {} };
    const attributes: SessionUserAttributes = {
      tenantId: row.user.tenantId,
      email: row.user.email,
      name: row.user.name,
      role: row.user.role,
    };
    const user: DatabaseUser = { id: row.userId, attributes };
    return [session, user];
  },
  getUserSessions: async (userId) => {
    const rows = await db.session.findMany({ where: { userId } });
    return rows.map((r) => ({ id: r.id, userId: r.userId, expiresAt: r.expiresAt, attributes: {} }));
  },
  setSession: async (session) => {
    await db.session.create({ data: { id: hashToken(session.id), userId: session.userId, expiresAt: session.expiresAt } });
  },
  updateSessionExpiration: async (sessionId, expiresAt) => {
    await db.session.updateMany({ where: { id: hashToken(sessionId) }, data: { expiresAt } });
  },
  deleteSession: async (sessionId) => {
    await db.session.deleteMany({ where: { id: hashToken(sessionId) } });
  },
  deleteUserSessions: async (userId) => {
    await db.session.deleteMany({ where: { userId } });
  },
  deleteExpiredSessions: async () => {
    await db.session.deleteMany({ where: { expiresAt: { lte: new Date() } } });
  },
});

export const SESSION_COOKIE = 'sb_session';

export const createLucia = (db: Db, opts: { secureCookie: boolean; sessionDays: number }) =>
  new Lucia(createAdapter(db), {
    sessionExpiresIn: new TimeSpan(opts.sessionDays, 'd'),
    sessionCookie: { name: SESSION_COOKIE, attributes: { secure: opts.secureCookie, sameSite: 'lax' } },
    getUserAttributes: (attributes) => attributes,
  });

export type AuthLucia = ReturnType<typeof createLucia>;

declare module 'lucia' {
  interface Register {
    Lucia: AuthLucia;
    DatabaseUserAttributes: SessionUserAttributes;
  }
}
