import { skipToken } from '@tanstack/react-query';
import { trpc } from '../../../lib/trpc.ts';

// Mirrors the server's token bounds so a mangled link is recognised without a request.
const looksLikeToken = (token: string | undefined): token is string => !!token && token.length >= 20 && token.length <= 200;

export const useInvitePreview = (token: string | undefined) =>
  trpc.auth.previewInvite.useQuery(looksLikeToken(token) ? { token } : skipToken, { retry: false, staleTime: Infinity });

export const isPlausibleInviteToken = looksLikeToken;
