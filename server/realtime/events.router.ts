import { tracked } from '@trpc/server';
import { z } from 'zod';
import { t } from '../trpc/init.ts';
import { agentProcedure } from '../trpc/procedures.ts';
import { streamEvents } from './event-stream.ts';

// The id is resent by the client's wsLink after a reconnect; anything unparsable resyncs.
const ZStreamInput = z.object({ lastEventId: z.string().max(20).nullish() }).optional();

const parseSeq = (id: string | null | undefined): number | null => {
  if (id == null) return null;
  return /^\d+$/.test(id) ? Number(id) : -1;
};

export const eventsRouter = t.router({
  stream: agentProcedure.input(ZStreamInput).subscription(async function* ({ ctx, input, signal }) {
    const lastSeq = parseSeq(input?.lastEventId);
    const items = streamEvents({
      db: ctx.deps.db,
      bus: ctx.deps.bus,
      tenantId: ctx.tenantId,
      // -1 is greater-than-head-proof garbage: the stream answers it with a resync.
      lastSeq: lastSeq === -1 ? Number.MAX_SAFE_INTEGER : lastSeq,
      signal: signal ?? new AbortController().signal,
    });
    for await (const item of items) {
      yield tracked(String(item.kind === 'event' ? item.event.seq : item.headSeq), item);
    }
  }),
});
