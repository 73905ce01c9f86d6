import { z } from 'zod';
import type { TicketAnalysisResult } from '../../src/contracts/ticket.ts';
import { buildAnalysisMessages, parseAnalysis } from '../../src/domain/ticket-analysis-prompt.ts';
import type { Prisma } from '../db/generated/client.ts';
import type { Deps } from '../deps.ts';
import type { JobHandler } from '../jobs/queue.ts';
import { writeWithEvents } from '../realtime/write-with-events.ts';
import { ticketInclude, toTicketDto, userNames } from './ticket-dto.ts';

const ZPayload = z.object({ tenantId: z.uuid(), ticketId: z.uuid(), analysisVersion: z.number().int().min(1) });

/** What the model is asked; network, so outside any transaction. */
const analyse = async (deps: Deps, tenantId: string, ticketId: string): Promise<{ ok: true; result: TicketAnalysisResult } | { ok: false; error: string }> => {
  const openai = deps.openai;
  if (!openai) return { ok: false, error: 'The AI is offline.' };
  const ticket = await deps.db.ticket.findFirstOrThrow({ where: { id: ticketId, tenantId }, include: ticketInclude });
  const [comments, activity] = await Promise.all([
    deps.db.ticketComment.findMany({ where: { tenantId, ticketId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 500 }),
    deps.db.ticketActivity.findMany({ where: { tenantId, ticketId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 500 }),
  ]);
  const names = await userNames(deps.db, tenantId, [...comments.map((c) => c.authorId), ...activity.map((a) => a.actorId)]);
  const nameOf = (id: string | null) => (id ? (names.get(id)?.name ?? 'A former teammate') : 'System');
  const messages = buildAnalysisMessages({
    number: ticket.number,
    subject: ticket.subject,
    description: ticket.description,
    status: ticket.status,
    priority: ticket.priority,
    tags: ticket.tags,
    contactName: ticket.contact ? ticket.contact.name || ticket.contact.phone : null,
    comments: comments.map((c) => ({ at: c.createdAt.toISOString(), author: nameOf(c.authorId), internal: c.internal, body: c.body })),
    activity: activity.map((a) => ({ at: a.createdAt.toISOString(), actor: nameOf(a.actorId), field: a.field, from: a.fromValue, to: a.toValue })),
  });
  try {
    const completion = await openai.chat.completions.create({
      model: deps.config.ticketAnalysisModel,
      messages,
      temperature: 0.2,
      response_format: { type: 'json_object' },
    });
    return parseAnalysis(completion.choices[0]?.message.content ?? '');
  } catch (err) {
    deps.log.warn({ ticketId, err: err instanceof Error ? err.message : String(err) }, 'ticket analysis failed');
    return { ok: false, error: 'The AI service did not answer. Try again.' };
  }
};

/**
 * Analyses a ticket's whole history and stores the result (DONE) or the reason it failed
 * (FAILED, retryable from the ticket). Only the newest request writes: a comment added meanwhile
 * bumped analysisVersion and queued its own job, which sees that comment too.
 */
export const analyseTicketJob =
  (deps: Deps): JobHandler =>
  async (payload) => {
    const p = ZPayload.parse(payload);
    const current = await deps.db.ticket.findFirst({ where: { id: p.ticketId, tenantId: p.tenantId }, select: { analysisVersion: true, analysisStatus: true } });
    if (!current || current.analysisVersion !== p.analysisVersion || current.analysisStatus !== 'PENDING') return;
    const outcome = await analyse(deps, p.tenantId, p.ticketId);
    await writeWithEvents(deps, p.tenantId, async (tx) => {
      // Locked: the updatedAt kept below is the current one, not one from before a concurrent edit.
      await tx.$queryRaw`SELECT 1 FROM "Ticket" WHERE id = ${p.ticketId}::uuid AND "tenantId" = ${p.tenantId}::uuid FOR UPDATE`;
      const row = await tx.ticket.findFirst({ where: { id: p.ticketId, tenantId: p.tenantId }, select: { updatedAt: true } });
      if (!row) return { result: null, events: [] };
      const data: Prisma.TicketUpdateManyMutationInput = outcome.ok
        ? { analysisStatus: 'DONE', analysisResult: outcome.result as unknown as Prisma.InputJsonValue, analysisError: null, analysedAt: new Date(), updatedAt: row.updatedAt }
        : { analysisStatus: 'FAILED', analysisError: outcome.error, updatedAt: row.updatedAt };
      const cas = await tx.ticket.updateMany({ where: { id: p.ticketId, tenantId: p.tenantId, analysisVersion: p.analysisVersion, analysisStatus: 'PENDING' }, data });
      if (cas.count === 0) return { result: null, events: [] };
      const ticket = toTicketDto(await tx.ticket.findFirstOrThrow({ where: { id: p.ticketId, tenantId: p.tenantId }, include: ticketInclude }));
      return { result: null, events: [{ type: 'ticket.analysis_updated', actorId: null, payload: { ticket } }] };
    });
  };
