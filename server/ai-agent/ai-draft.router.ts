import { z } from 'zod';
import { AppError } from '../../src/errors.ts';
import { t } from '../trpc/init.ts';
import { agentProcedure, mapStreamErrors } from '../trpc/procedures.ts';
import { suggestReply } from './suggest-reply.ts';
import { requireConversation } from '../conversation/get-conversation.ts';

const ZConversation = z.object({ conversationId: z.uuid() });

export const aiDraftRouter = t.router({
  /** Streams a suggested reply token by token; ends with the stored draft. */
  suggest: agentProcedure.input(ZConversation).subscription(({ ctx, input, signal }) =>
    mapStreamErrors(
      suggestReply(ctx.deps, { tenantId: ctx.tenantId, actorId: ctx.user.id, conversationId: input.conversationId, signal: signal ?? new AbortController().signal }),
    ),
  ),
  /** Drafts still worth using (not stale, used or discarded), newest first. */
  list: agentProcedure.input(ZConversation).query(async ({ ctx, input }) => {
    await requireConversation(ctx.deps, ctx.tenantId, input.conversationId);
    const drafts = await ctx.deps.db.aiDraft.findMany({
      where: { tenantId: ctx.tenantId, conversationId: input.conversationId, status: 'READY' },
      orderBy: { createdAt: 'desc' },
      take: 10,
    });
    return drafts.map((d) => ({ id: d.id, conversationId: d.conversationId, body: d.body, origin: d.origin, createdAt: d.createdAt.toISOString() }));
  }),
  discard: agentProcedure.input(z.object({ draftId: z.uuid(), used: z.boolean().default(false) })).mutation(async ({ ctx, input }) => {
    const { count } = await ctx.deps.db.aiDraft.updateMany({
      where: { id: input.draftId, tenantId: ctx.tenantId },
      data: { status: input.used ? 'USED' : 'DISCARDED' },
    });
    if (count === 0) throw new AppError('NOT_FOUND', { userMessage: 'Draft not found.' });
    return { ok: true as const };
  }),
});
