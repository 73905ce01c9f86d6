import { tracked } from '@trpc/server';
import { z } from 'zod';
import { lastSeqOf, type TenantEvent } from '../../src/contracts/events.ts';
import { t } from '../trpc/init.ts';
import { eventStreamProcedure } from '../trpc/procedures.ts';
import { streamEvents } from './event-stream.ts';
import { streamTarget } from './stream-subscriptions.ts';
import { eventsFrameBuffer } from './ws-encoder.ts';

// The id is the seq we sent in tracked(); the client's wsLink resends it after a reconnect.
// `streamId`: any id unique on the client's socket; with it, live events skip the adapter.
const ZStreamInput = z
  .object({
    lastEventId: z.string().regex(/^\d{1,15}$/, { error: 'lastEventId must be an event id from this stream' }).nullish(),
    streamId: z.string().regex(/^[\w-]{1,64}$/, { error: 'streamId must be 1-64 letters, digits, _ or -' }).optional(),
  })
  .optional();

export const eventsRouter = t.router({
  stream: eventStreamProcedure.input(ZStreamInput).subscription(async function* ({ ctx, input, signal }) {
    const socket = ctx.socket;
    const target = socket && input?.streamId ? streamTarget(socket, input.streamId) : null;
    const items = streamEvents({
      db: ctx.deps.db,
      bus: ctx.deps.bus,
      tenantId: ctx.tenantId,
      lastSeq: input?.lastEventId == null ? null : Number(input.lastEventId),
      signal: signal ?? new AbortController().signal,
      ...(socket && target ? { direct: (events: TenantEvent[]) => socket.send(eventsFrameBuffer(target, events)) } : {}),
    });
    for await (const item of items) yield tracked(String(lastSeqOf(item)), item);
  }),
});
