import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { t } from '../trpc/init.ts';
import { agentProcedure, mapStreamErrors } from '../trpc/procedures.ts';
import type { PresenceState } from './presence.ts';
import { requireConversation } from '../conversation/get-conversation.ts';

const ZBeat = z.object({ conversationId: z.uuid(), state: z.enum(['viewing', 'typing_reply', 'typing_note']) });
const ZConversation = z.object({ conversationId: z.uuid() });

export type PresenceView = { userId: string; name: string; state: PresenceState };

/**
 * Yields who is viewing or typing in a conversation: a snapshot at start and whenever it
 * changes — on a heartbeat from any node, or when the earliest entry expires.
 */
async function* watchPresence(deps: Deps, tenantId: string, conversationId: string, signal: AbortSignal): AsyncGenerator<PresenceView[]> {
  let dirty = true;
  let wake: (() => void) | null = null;
  const poke = () => {
    dirty = true;
    wake?.();
  };
  const unsubscribe = await deps.bus.subscribeEphemeral(tenantId, (m) => m.conversationId === conversationId && poke());
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  try {
    let last = '';
    let nextExpiry: number | null = null;
    while (!signal.aborted) {
      if (dirty) {
        dirty = false;
        const entries = await deps.presence.list(tenantId, conversationId, Date.now());
        nextExpiry = entries.length ? Math.min(...entries.map((e) => e.expiresAt)) : null;
        const view = entries.map(({ userId, name, state }) => ({ userId, name, state }));
        const key = JSON.stringify(view);
        if (key !== last) {
          last = key;
          yield view;
        }
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (nextExpiry !== null) timer = setTimeout(poke, Math.max(0, nextExpiry - Date.now()) + 5);
      });
      clearTimeout(timer);
      wake = null;
    }
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    unsubscribe();
  }
}

export const presenceRouter = t.router({
  /** A heartbeat: renew every few seconds while viewing or typing; it lapses on its own. */
  beat: agentProcedure.input(ZBeat).mutation(async ({ ctx, input }) => {
    await requireConversation(ctx.deps, ctx.tenantId, input.conversationId);
    await ctx.deps.presence.set(ctx.tenantId, input.conversationId, {
      userId: ctx.user.id,
      name: ctx.user.name,
      state: input.state,
      expiresAt: Date.now() + ctx.deps.config.presenceTtlMs,
    });
    await ctx.deps.bus.publishEphemeral(ctx.tenantId, { type: 'presence', conversationId: input.conversationId });
    return { ttlMs: ctx.deps.config.presenceTtlMs };
  }),
  leave: agentProcedure.input(ZConversation).mutation(async ({ ctx, input }) => {
    await requireConversation(ctx.deps, ctx.tenantId, input.conversationId);
    await ctx.deps.presence.remove(ctx.tenantId, input.conversationId, ctx.user.id);
    await ctx.deps.bus.publishEphemeral(ctx.tenantId, { type: 'presence', conversationId: input.conversationId });
    return { ok: true as const };
  }),
  watch: agentProcedure.input(ZConversation).subscription(({ ctx, input, signal }) =>
    mapStreamErrors(
      (async function* () {
        await requireConversation(ctx.deps, ctx.tenantId, input.conversationId);
        yield* watchPresence(ctx.deps, ctx.tenantId, input.conversationId, signal ?? new AbortController().signal);
      })(),
    ),
  ),
});
