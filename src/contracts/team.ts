import { z } from 'zod';
import { ROLES } from '../domain/roles.ts';

export const ZRole = z.enum(ROLES);
export const MIN_PASSWORD_LENGTH = 10;

const email = z.string().trim().toLowerCase().max(254).pipe(z.email({ error: 'Enter a valid email address' }));
const password = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { error: `Use at least ${MIN_PASSWORD_LENGTH} characters` })
  .max(256);
const personName = z.string().trim().min(1, { error: 'Enter your name' }).max(120);

export const ZSignUpInput = z.object({
  workspaceName: z.string().trim().min(1, { error: 'Name your workspace' }).max(120),
  name: personName,
  email,
  password,
});
export const ZSignInInput = z.object({ email, password: z.string().min(1).max(256) });

export const ZInviteInput = z.object({ email, role: ZRole });
export const ZInviteTokenInput = z.object({ token: z.string().min(20).max(200) });
export const ZAcceptInviteInput = z.object({ token: z.string().min(20).max(200), name: personName, password });

export const ZMemberIdInput = z.object({ userId: z.uuid() });
export const ZInviteIdInput = z.object({ inviteId: z.uuid() });
export const ZChangeRoleInput = z.object({ userId: z.uuid(), role: ZRole });

export const ZUpdateProfileInput = z.object({
  name: personName,
  title: z.string().trim().max(120),
  phone: z.string().trim().max(40),
  emailSignature: z.string().max(2000),
});

export type SignUpInput = z.infer<typeof ZSignUpInput>;
export type SignInInput = z.infer<typeof ZSignInInput>;
export type InviteInput = z.infer<typeof ZInviteInput>;
export type AcceptInviteInput = z.infer<typeof ZAcceptInviteInput>;
export type ChangeRoleInput = z.infer<typeof ZChangeRoleInput>;
export type UpdateProfileInput = z.infer<typeof ZUpdateProfileInput>;
