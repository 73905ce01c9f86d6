import { tracked } from '@trpc/server';
import { z } from 'zod';
import { lastSeqOf } from '../../src/contracts/events.ts';
import { t } from '../trpc/init.ts';
import { eventStreamProcedure } from '../trpc/procedures.ts';
import { streamEvents } from './event-stream.ts';

// The id is the seq we sent in tracked(); the client's wsLink resends it after a reconnect.
export const ZStreamInput = z
  .object({
    lastEventId: z.string().regex(/^\d{1,15}$/, { error: 'lastEventId must be an event id from this stream' }).nullish(),
  })
  .optional();

/**
 * The WebSocket edge (ws-edge.ts) serves this subscription itself for every well-formed call; this
 * procedure answers the rest (a bad input, an ended session) and any caller that is not the edge.
 */
export const eventsRouter = t.router({
  stream: eventStreamProcedure.input(ZStreamInput).subscription(async function* ({ ctx, input, signal }) {
    const items = streamEvents({
      db: ctx.deps.db,
      bus: ctx.deps.bus,
      log: ctx.deps.log,
      tenantId: ctx.tenantId,
      lastSeq: input?.lastEventId == null ? null : Number(input.lastEventId),
      signal: signal ?? new AbortController().signal,
      socket: ctx.socket,
    });
    for await (const item of items) yield tracked(String(lastSeqOf(item)), item);
  }),
});
