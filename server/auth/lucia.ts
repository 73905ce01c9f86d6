import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from 'lucia';
import type { Role } from '../../src/domain/roles.ts';
import type { Db } from '../db/client.ts';
import { Prisma } from '../db/generated/client.ts';
import { hashToken } from './token.ts';

export type SessionUserAttributes = { tenantId: string; email: string; name: string; role: Role };
type SessionRow = SessionUserAttributes & { userId: string; expiresAt: Date };

/** A session stands while it has not expired and its member is active (the adapter's rule, and lucia's expiry). */
const liveSession = Prisma.sql`s."expiresAt" > now() AND u.status = 'ACTIVE'`;

/** Of these stored session ids (SHA-256 of the cookie's), the ones that still stand: one query for any number. */
export const liveSessionIds = async (db: Db, ids: string[]): Promise<Set<string>> => {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT s.id FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE s.id = ANY(${ids}::text[]) AND ${liveSession}`;
  return new Set(rows.map((row) => row.id));
};

/**
 * Lucia adapter over Prisma that stores SHA-256 of the session id: lucia hands us the id that is
 * in the cookie, and every lookup hashes it first. Deactivated members have no valid sessions.
 */
const createAdapter = (db: Db): Adapter => ({
  // Runs on every call (HTTP and WebSocket): one statement, where `include` would take two.
  getSessionAndUser: async (sessionId) => {
    const [row] = await db.$queryRaw<SessionRow[]>`
      SELECT s."userId", s."expiresAt", u."tenantId", u.email, u.name, u.role::text AS role
      FROM "Session" s JOIN "User" u ON u.id = s."userId"
      WHERE s.id = ${hashToken(sessionId)} AND u.status = 'ACTIVE'`;
    if (!row) return [null, null];
    const session: DatabaseSession = { id: sessionId, userId: row.userId, expiresAt: row.expiresAt, attributes: {} };
    const attributes: SessionUserAttributes = { tenantId: row.tenantId, email: row.email, name: row.name, role: row.role };
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
