/**
 * Posts signed WhatsApp Cloud API webhooks (one inbound text message each, as Meta sends them) at
 * a fixed rate, open loop: message i is due at start + i/rate whatever happened to earlier ones,
 * and its text carries that due time, so a server that falls behind shows it as latency instead
 * of slowing the load down (no coordinated omission). In-flight requests are capped; messages
 * still unsent a second after the window closes are abandoned and reported, which bounds the
 * time an overloaded run can take.
 */
import { Agent, request } from 'node:http';
import { inboundTextPayload, type CloudTarget } from '../../server/dev/cloud-webhook-builder.ts';
import { signMetaBody } from '../../server/channels/whatsapp/verify-signature.ts';
import { Histogram, nowMs } from '../support/histogram.ts';

export type PostPlan = {
  target: CloudTarget;
  rate: number;
  durationMs: number;
  tag: string;
  /** Distinct senders; messages cycle through them, so most land in an existing conversation. */
  contacts?: number;
  maxInFlight?: number;
};

export type PostResult = {
  planned: number;
  sent: number;
  acknowledged: number;
  failed: number;
  unsent: number;
  elapsedMs: number;
  /** Webhook POST → 200 (from the due time). */
  ack: Histogram;
};

const post = (agent: Agent, url: URL, body: string, signature: string): Promise<number> =>
  new Promise((resolve) => {
    const req = request(
      { agent, method: 'POST', hostname: url.hostname, port: url.port, path: url.pathname, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-hub-signature-256': signature } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });

export const messageText = (tag: string, id: number, dueMs: number) => `bench ${tag} ${id} ${dueMs.toFixed(3)}`;

export const postAtRate = (plan: PostPlan): Promise<PostResult> => {
  const maxInFlight = plan.maxInFlight ?? 128;
  const contacts = plan.contacts ?? 200;
  const agent = new Agent({ keepAlive: true, maxSockets: maxInFlight });
  const url = new URL(plan.target.webhookUrl);
  const planned = Math.max(1, Math.round((plan.rate * plan.durationMs) / 1000));
  const interval = 1000 / plan.rate;
  const start = nowMs() + 20;
  const stopIssuingAt = start + plan.durationMs + 1000;
  const ack = new Histogram();
  let next = 0;
  let inFlight = 0;
  let acknowledged = 0;
  let failed = 0;
  let unsent = 0;

  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | null = null;
    const finish = () => {
      agent.destroy();
      resolve({ planned, sent: next - unsent, acknowledged, failed, unsent, elapsedMs: nowMs() - start, ack });
    };
    const pump = () => {
      timer = null;
      const now = nowMs();
      if (next < planned && now > stopIssuingAt) {
        unsent = planned - next;
        next = planned;
      }
      while (next < planned && inFlight < maxInFlight) {
        const due = start + next * interval;
        if (due > now) break;
        const id = next++;
        const phone = `+1555${String(2_000_000 + (id % contacts))}`;
        const body = JSON.stringify(inboundTextPayload(plan.target, [{ from: phone, name: `Bench ${id % contacts}`, body: messageText(plan.tag, id, due) }]));
        inFlight++;
        void post(agent, url, body, signMetaBody(plan.target.appSecret, body)).then((status) => {
          inFlight--;
          if (status === 200) {
            acknowledged++;
            ack.record(nowMs() - due);
          } else failed++;
          pump();
        });
      }
      if (next >= planned) {
        if (inFlight === 0) finish();
        return;
      }
      if (!timer && inFlight < maxInFlight) timer = setTimeout(pump, Math.max(0, Math.min(5, start + next * interval - nowMs())));
    };
    pump();
  });
};
