import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/domain/roles.ts';
import { ApiUser } from './api-client.ts';

export const PASSWORD = 'correct horse battery';

export const uniqueEmail = (label = 'user') => `${label}-${randomUUID().slice(0, 12)}@example.test`;

/** A brand-new workspace with its ADMIN signed in through the real API. */
export const createWorkspace = async (baseUrl: string, name = 'Acme') => {
  const admin = new ApiUser(baseUrl);
  const email = uniqueEmail('admin');
  const me = await admin.http.auth.signUp.mutate({ workspaceName: name, name: 'Ada Admin', email, password: PASSWORD });
  return { admin, me, email, tenantId: me.workspace.id };
};

/** Invites and signs in a teammate with `role` through the invite link, as a person would. */
export const addMember = async (baseUrl: string, admin: ApiUser, role: Role, name = `${role.toLowerCase()} member`) => {
  const email = uniqueEmail(role.toLowerCase());
  const { inviteUrl } = await admin.http.team.invite.mutate({ email, role });
  const token = inviteUrl.split('/invite/')[1]!;
  const member = new ApiUser(baseUrl);
  const me = await member.http.auth.acceptInvite.mutate({ token, name, password: PASSWORD });
  return { member, me, email };
};
