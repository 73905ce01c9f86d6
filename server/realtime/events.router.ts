import { tracked } from '@trpc/server';
import { z } from 'zod';
import { lastSeqOf } from '../../src/contracts/events.ts';
import { t } from '../trpc/init.ts';
import { agentProcedure } from '../trpc/procedures.ts';
import { streamEvents } from './event-stream.ts';

// The id is the seq we sent in tracked(); the client's wsLink resends it after a reconnect.
const ZStreamInput = z
  .object({ lastEventId: z.string().regex(/^\d{1,15}$/, { error: 'lastEventId must be an event id from this stream' }).nullish() })
  .optional();

export const eventsRouter = t.router({
  stream: agentProcedure.input(ZStreamInput).subscription(async function* ({ ctx, input, signal }) {
    const items = streamEvents({
      db: ctx.deps.db,
      bus: ctx.deps.bus,
      tenantId: ctx.tenantId,
      lastSeq: input?.lastEventId == null ? null : Number(input.lastEventId),
      signal: signal ?? new AbortController().signal,
    });
    for await (const item of items) yield tracked(String(lastSeqOf(item)), item);
  }),
});
