import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { t } from '../trpc/init.ts';
import { agentProcedure, mapStreamErrors } from '../trpc/procedures.ts';
import { ticketTopic, type PresenceState } from './presence.ts';
import type { EphemeralMessage } from './bus.ts';
import { requireConversation } from '../conversation/get-conversation.ts';
import { requireTicket } from '../ticket/get-ticket.ts';

const ZBeat = z.object({ conversationId: z.uuid(), state: z.enum(['viewing', 'typing_reply', 'typing_note']) });
const ZConversation = z.object({ conversationId: z.uuid() });
const ZTicketBeat = z.object({ ticketId: z.uuid(), state: z.enum(['viewing', 'editing']) });
const ZTicket = z.object({ ticketId: z.uuid() });

/** The topic a bus message is about: conversations' messages predate topics and carry their id. */
const topicOf = (m: Extract<EphemeralMessage, { type: 'presence' }>) => ('topic' in m ? m.topic : m.conversationId);

export type PresenceView<S extends PresenceState = 'viewing' | 'typing_reply' | 'typing_note'> = { userId: string; name: string; state: S };
export type TicketPresenceView = PresenceView<'viewing' | 'editing'>;

/**
 * Yields who is viewing or typing in a conversation or ticket (`topic`): a snapshot at start and
 * whenever it changes — on a heartbeat from any node, or when the earliest entry expires.
 */
// A topic only ever holds the states its own beat procedure accepted, hence the narrowing cast.
async function* watchPresence<S extends PresenceState>(deps: Deps, tenantId: string, topic: string, signal: AbortSignal): AsyncGenerator<Array<PresenceView<S>>> {
  let dirty = true;
  let wake: (() => void) | null = null;
  const poke = () => {
    dirty = true;
    wake?.();
  };
  const unsubscribe = await deps.bus.subscribeEphemeral(tenantId, (m) => m.type === 'presence' && topicOf(m) === topic && poke());
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  try {
    let last = '';
    let nextExpiry: number | null = null;
    while (!signal.aborted) {
      if (dirty) {
        dirty = false;
        const entries = await deps.presence.list(tenantId, topic, Date.now());
        nextExpiry = entries.length ? Math.min(...entries.map((e) => e.expiresAt)) : null;
        const view = entries.map(({ userId, name, state }) => ({ userId, name, state: state as S }));
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
  /**
   * The person's tab is hidden or idle (away: true), or they are back. Renewed by the client while
   * away; it lapses on its own, so a closed laptop does not stay "away" forever once it reconnects.
   */
  away: agentProcedure.input(z.object({ away: z.boolean() })).mutation(async ({ ctx, input }) => {
    await ctx.deps.agentPresence.setAway(ctx.tenantId, ctx.user.id, input.away, Date.now());
    await ctx.deps.bus.publishEphemeral(ctx.tenantId, { type: 'agents' });
    return { ok: true as const };
  }),
  watch: agentProcedure.input(ZConversation).subscription(({ ctx, input, signal }) =>
    mapStreamErrors(
      (async function* () {
        await requireConversation(ctx.deps, ctx.tenantId, input.conversationId);
        yield* watchPresence<PresenceView['state']>(ctx.deps, ctx.tenantId, input.conversationId, signal ?? new AbortController().signal);
      })(),
    ),
  ),
  /** Who is viewing or editing a ticket: the same heartbeat, lapse and watch as conversations, under the ticket's topic. */
  beatTicket: agentProcedure.input(ZTicketBeat).mutation(async ({ ctx, input }) => {
    await requireTicket(ctx.deps, ctx.tenantId, input.ticketId);
    const topic = ticketTopic(input.ticketId);
    await ctx.deps.presence.set(ctx.tenantId, topic, { userId: ctx.user.id, name: ctx.user.name, state: input.state, expiresAt: Date.now() + ctx.deps.config.presenceTtlMs });
    await ctx.deps.bus.publishEphemeral(ctx.tenantId, { type: 'presence', topic });
    return { ttlMs: ctx.deps.config.presenceTtlMs };
  }),
  leaveTicket: agentProcedure.input(ZTicket).mutation(async ({ ctx, input }) => {
    await requireTicket(ctx.deps, ctx.tenantId, input.ticketId);
    const topic = ticketTopic(input.ticketId);
    await ctx.deps.presence.remove(ctx.tenantId, topic, ctx.user.id);
    await ctx.deps.bus.publishEphemeral(ctx.tenantId, { type: 'presence', topic });
    return { ok: true as const };
  }),
  watchTicket: agentProcedure.input(ZTicket).subscription(({ ctx, input, signal }) =>
    mapStreamErrors(
      (async function* () {
        await requireTicket(ctx.deps, ctx.tenantId, input.ticketId);
        yield* watchPresence<TicketPresenceView['state']>(ctx.deps, ctx.tenantId, ticketTopic(input.ticketId), signal ?? new AbortController().signal);
      })(),
    ),
  ),
});
