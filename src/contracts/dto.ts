import type { Role } from '../domain/roles.ts';

/** What the API returns about a member. Dates travel as ISO strings so event payloads (JSON) and query results have one shape. */
export type MemberDto = {
  id: string;
  email: string;
  name: string;
  title: string;
  phone: string;
  emailSignature: string;
  role: Role;
  status: 'ACTIVE' | 'DEACTIVATED';
  createdAt: string;
};

export type InviteDto = {
  id: string;
  email: string;
  role: Role;
  invitedByName: string;
  expiresAt: string;
  createdAt: string;
};

export type WorkspaceDto = { id: string; name: string };

/** What this deployment can do right now, so the UI can say so (e.g. the AI is offline). */
export type FeaturesDto = { ai: 'online' | 'offline' };

export type MeDto = { user: MemberDto; workspace: WorkspaceDto; features?: FeaturesDto };
