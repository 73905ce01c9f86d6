import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantEvent } from '../../src/contracts/events.ts';
import { inboundTextPayload, postSigned } from '../../server/dev/cloud-webhook-builder.ts';
import { startFakeGraph, type FakeGraph } from '../../server/dev/fake-graph-server.ts';
import { startFakeOpenAi, type FakeOpenAi } from '../../server/dev/fake-openai-server.ts';
import type { SuggestionChunk } from '../../server/ai-agent/suggest-reply.ts';
import { createPersona } from '../support/ai.ts';
import { Collector } from '../support/events.ts';
import { addMember, createWorkspace, watchEvents } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';
import { connectCloudChannel, randomPhone } from '../support/whatsapp.ts';

let app: TestApp;
let graph: FakeGraph;
let openai: FakeOpenAi;
beforeAll(async () => {
  [graph, openai] = await Promise.all([startFakeGraph(), startFakeOpenAi()]);
  app = await startTestApp({ env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.url, AI_DEBOUNCE_MS: '500' } });
});
afterAll(async () => {
  await Promise.all([app.stop(), graph.stop(), openai.stop()]);
});

type OwnerChanged = Extract<TenantEvent, { type: 'conversation.owner_changed' }>;
const ownerChanged = (e: TenantEvent): e is OwnerChanged => e.type === 'conversation.owner_changed';

const aiWorkspace = async () => {
  const { admin } = await createWorkspace(app.url);
  const { target } = await connectCloudChannel(admin, { appUrl: app.url, graphUrl: graph.url });
  const persona = await createPersona(admin);
  const events = watchEvents(admin);
  const write = (from: string, body: string) => postSigned(target, inboundTextPayload(target, [{ from, name: 'Cleo', body }]));
  return { admin, target, persona, events, write };
};

describe('AI agent personas', () => {
  it('are managed by admins only, keep one default per workspace, and list for agents', async () => {
    const { admin } = await createWorkspace(app.url);
    const agent = await addMember(app.url, admin, 'AGENT');
    const first = await createPersona(admin);
    const second = await createPersona(admin, { name: 'Sol', role: 'SALES' });
    const personas = await agent.member.http.aiAgent.list.query();
    expect(personas.map((p) => [p.name, p.isDefault])).toEqual([['Nova', false], ['Sol', true]]);
    expect(first.isDefault).toBe(true);
    await expect(createPersona(agent.member)).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
    await expect(agent.member.http.aiAgent.delete.mutate({ aiAgentId: second.id })).rejects.toMatchObject({ data: { code: 'FORBIDDEN' } });
  });
});

describe('the AI agent', () => {
  it('owns a new conversation and answers it with the persona, the contact and the history', async () => {
    const { admin, events, write } = await aiWorkspace();
    openai.script({ kind: 'text', text: 'Hi Cleo! The Aurora comes in navy and grey.' });
    const from = randomPhone();
    await write(from, 'Does the Aurora sofa come in another colour?');
    const sent = await events.next((e): e is Extract<TenantEvent, { type: 'message.updated' }> =>
      e.type === 'message.updated' && e.payload.message.aiAgentId !== null && e.payload.message.status === 'SENT');
    expect(sent.payload.message.body).toBe('Hi Cleo! The Aurora comes in navy and grey.');
    const request = openai.requests.at(-1)!;
    expect(request).toMatchObject({ model: 'gpt-test-mini', temperature: 0.3, stream: true });
    expect(request.messages[0]!.content).toContain('Warm, brief and precise.');
    expect(request.messages[0]!.content).toContain(from);
    expect(request.messages.at(-1)).toEqual({ role: 'user', content: 'Does the Aurora sofa come in another colour?' });
    expect(graph.sends.find((s) => s.wamid === sent.payload.message.providerMessageId)?.body).toMatchObject({ to: from, text: { body: 'Hi Cleo! The Aurora comes in navy and grey.' } });
    const [conversation] = (await admin.http.conversation.list.query({})).items;
    expect(conversation!.owner).toBe('AI');
    await events.stop();
  });

  it('gives a burst of customer messages one considered reply', async () => {
    const { admin, events, write } = await aiWorkspace();
    openai.setFallback({ kind: 'text', text: 'One answer for all three.' });
    const from = randomPhone();
    // Three webhooks at once, well inside the debounce window even on a loaded machine.
    await Promise.all(['Hello', 'I have a question', 'about delivery times'].map((body) => write(from, body)));
    await events.next((e) => e.type === 'message.updated' && e.payload.message.aiAgentId !== null && e.payload.message.status === 'SENT');
    await app.deps.queue.whenIdle();
    const conversationId = (await admin.http.conversation.list.query({})).items[0]!.id;
    const replies = (await admin.http.conversation.messages.query({ conversationId })).items.filter((m) => m.aiAgentId !== null);
    expect(replies.map((m) => m.body)).toEqual(['One answer for all three.']);
    // The request behind the reply saw the whole burst (a slow machine may have started over once).
    expect(openai.requests.at(-1)!.messages.slice(1).map((m) => m.content).sort()).toEqual(['Hello', 'I have a question', 'about delivery times'].sort());
    openai.setFallback({ kind: 'text', text: 'Happy to help!' });
    await events.stop();
  });

  it('starts over when the customer writes again while the AI is generating, and sends one reply covering both', async () => {
    const { admin, events, write } = await aiWorkspace();
    const from = randomPhone();
    openai.script({ kind: 'text', text: 'An answer to the first question only, streamed slowly.', chunkDelayMs: 25 }, { kind: 'text', text: 'Both answered.' });
    const generating = new Promise<void>((done) => openai.onRequest((r) => r.messages.at(-1)?.content === 'First question' && done()));
    await write(from, 'First question');
    await generating;
    await write(from, 'And a second one');
    await events.next((e) => e.type === 'message.updated' && e.payload.message.body === 'Both answered.' && e.payload.message.status === 'SENT');
    await app.deps.queue.whenIdle();
    const conversationId = (await admin.http.conversation.list.query({})).items[0]!.id;
    const ai = (await admin.http.conversation.messages.query({ conversationId })).items.filter((m) => m.aiAgentId !== null);
    expect(ai.map((m) => m.body)).toEqual(['Both answered.']);
    expect(openai.requests.at(-1)!.messages.slice(-2).map((m) => m.content)).toEqual(['First question', 'And a second one']);
    await events.stop();
  });

  it('escalates to the queue when the customer asks for a person, without asking the model', async () => {
    const { events, write } = await aiWorkspace();
    const before = openai.requests.length;
    await write(randomPhone(), 'Can I talk to a human please?');
    const change = await events.next(ownerChanged);
    expect(change.payload.change).toMatchObject({ from: 'AI', to: 'QUEUE', actorId: null, reason: 'The customer asked for a person' });
    expect(openai.requests.length).toBe(before);
    await events.stop();
  });

  it('escalates when the persona hands off through the tool call, with its reason', async () => {
    const { events, write } = await aiWorkspace();
    openai.script({ kind: 'tool', name: 'handoff_to_human', args: { reason: 'Refund requests need a person' } });
    await write(randomPhone(), 'I want a refund for order 1042');
    expect((await events.next(ownerChanged)).payload.change).toMatchObject({ to: 'QUEUE', reason: 'Refund requests need a person' });
    await events.stop();
  });

  it('escalates when the model keeps failing, after its retries', async () => {
    const { admin, events: quick, write } = await aiWorkspace();
    await quick.stop();
    // The SDK and the job back off between tries: allow for it.
    const events = watchEvents(admin, '0', { waitMs: 30_000 });
    const failure = { kind: 'error', status: 500, message: 'upstream overloaded' } as const;
    // Three job attempts, each with the SDK's own two quick retries.
    openai.script(...Array.from({ length: 9 }, () => failure));
    await write(randomPhone(), 'Hello?');
    const change = await events.next(ownerChanged);
    expect(change.payload.change.reason).toMatch(/failed after 3 attempts/);
    expect(openai.requests.filter((r) => r.messages.at(-1)?.content === 'Hello?')).toHaveLength(9);
    await events.stop();
  });

  it('answers the unanswered customer message once after a hand back', async () => {
    const { admin, events, write } = await aiWorkspace();
    const from = randomPhone();
    await write(from, 'agent please'); // escalates to the queue
    const { payload } = await events.next(ownerChanged);
    const conversationId = payload.conversation.id;
    await admin.http.conversation.takeOver.mutate({ conversationId });
    await write(from, 'Actually, what are your opening hours?');
    const before = openai.requests.length;
    openai.script({ kind: 'text', text: 'We open at 9.' });
    await admin.http.conversation.handBack.mutate({ conversationId });
    await events.next((e) => e.type === 'message.updated' && e.payload.message.body === 'We open at 9.' && e.payload.message.status === 'SENT');
    await app.deps.queue.whenIdle();
    expect(openai.requests.length - before).toBe(1);
    await events.stop();
  });

  it('turns a reply cut off by a takeover into a draft for the human and sends nothing', async () => {
    const { admin, events, write } = await aiWorkspace();
    const agent = await addMember(app.url, admin, 'AGENT', 'Ana');
    openai.script({ kind: 'text', text: 'This is a slow answer that will never be sent to the customer.', chunkDelayMs: 40 });
    const started = new Promise<void>((done) => openai.onRequest((r) => r.messages.at(-1)?.content === 'Slow please' && done()));
    await write(randomPhone(), 'Slow please');
    await started;
    const [conversation] = (await admin.http.conversation.list.query({})).items;
    await agent.member.http.conversation.takeOver.mutate({ conversationId: conversation!.id });
    const draft = await events.next((e): e is Extract<TenantEvent, { type: 'draft.created' }> => e.type === 'draft.created');
    expect(draft.payload.draft.body).toBe('This is a slow answer that will never be sent to the customer.');
    await app.deps.queue.whenIdle();
    const { items } = await admin.http.conversation.messages.query({ conversationId: conversation!.id });
    expect(items.filter((m) => m.aiAgentId !== null && m.status !== 'FAILED')).toEqual([]);

    // Handed back, the AI answers the customer, who never got the cut-off reply.
    openai.script({ kind: 'text', text: 'Here is the answer after all.' });
    await agent.member.http.conversation.handBack.mutate({ conversationId: conversation!.id });
    await events.next((e) => e.type === 'message.updated' && e.payload.message.body === 'Here is the answer after all.' && e.payload.message.status === 'SENT');
    await events.stop();
  });
});

describe('working beside the AI', () => {
  /** A conversation Ana owns on a channel with an active persona. */
  const owned = async () => {
    const ws = await aiWorkspace();
    const ana = await addMember(app.url, ws.admin, 'AGENT', 'Ana');
    const from = randomPhone();
    await ws.write(from, 'agent please'); // escalates to the queue without the model
    const { payload } = await ws.events.next(ownerChanged);
    await ana.member.http.conversation.takeOver.mutate({ conversationId: payload.conversation.id });
    return { ...ws, ana: ana.member, from, conversationId: payload.conversation.id };
  };

  it('streams a suggested reply token by token, in order, and keeps it as a draft until a newer message makes it stale', async () => {
    const { ana, events, write, from, conversationId } = await owned();
    openai.script({ kind: 'text', text: 'Sure, a colleague will call you within the hour.', chunkDelayMs: 2 });
    const chunks = new Collector<SuggestionChunk>();
    ana.live().client.aiDraft.suggest.subscribe({ conversationId }, { onData: (c) => chunks.push(c) });
    await chunks.until((c) => c.some((x) => x.kind === 'done'));
    const tokens = chunks.items.flatMap((c) => (c.kind === 'token' ? [c.text] : []));
    expect(tokens.length).toBeGreaterThan(3);
    expect(tokens.join('')).toBe('Sure, a colleague will call you within the hour.');
    expect(await ana.http.aiDraft.list.query({ conversationId })).toMatchObject([{ body: 'Sure, a colleague will call you within the hour.', origin: 'suggestion' }]);
    await write(from, 'Actually, never mind');
    await events.next((e) => e.type === 'message.created' && e.payload.message.body === 'Actually, never mind');
    expect(await ana.http.aiDraft.list.query({ conversationId })).toEqual([]);
    await events.stop();
  });

  it('refuses suggestions to someone who does not own the conversation', async () => {
    const { admin, conversationId, events } = await owned();
    const errors = new Collector<unknown>();
    admin.live().client.aiDraft.suggest.subscribe({ conversationId }, { onError: (e) => errors.push(e) });
    await errors.until((e) => e.length === 1);
    expect(errors.items[0]).toMatchObject({ data: { code: 'PRECONDITION_FAILED', appCode: 'INVALID_STATE' } });
    await events.stop();
  });

  it('keeps internal notes in the thread and never sends them', async () => {
    const { admin, ana, conversationId, events } = await owned();
    const sendsBefore = graph.sends.length;
    const note = await admin.http.conversation.addNote.mutate({ conversationId, body: 'VIP customer, be gentle' });
    expect(note).toMatchObject({ isNote: true, body: 'VIP customer, be gentle' });
    await app.deps.queue.whenIdle();
    expect(graph.sends.length).toBe(sendsBefore);
    const { items } = await ana.http.conversation.messages.query({ conversationId });
    expect(items.filter((m) => m.isNote).map((m) => m.body)).toEqual(['VIP customer, be gentle']);
    await events.stop();
  });

  it('rates AI messages per persona, one rating per agent', async () => {
    const { admin, events, write } = await aiWorkspace();
    const agent = await addMember(app.url, admin, 'AGENT');
    openai.script({ kind: 'text', text: 'Rate me.' });
    await write(randomPhone(), 'What do you sell?');
    const { payload } = await events.next((e): e is Extract<TenantEvent, { type: 'message.created' }> => e.type === 'message.created' && e.payload.message.aiAgentId !== null);
    await agent.member.http.conversation.rateAiMessage.mutate({ messageId: payload.message.id, helpful: false, correction: 'Mention sofas' });
    await agent.member.http.conversation.rateAiMessage.mutate({ messageId: payload.message.id, helpful: true });
    await admin.http.conversation.rateAiMessage.mutate({ messageId: payload.message.id, helpful: true });
    const [persona] = await admin.http.aiAgent.list.query();
    expect(persona!.ratings).toEqual({ helpful: 2, notHelpful: 0 });
    const customerMessage = (await admin.http.conversation.messages.query({ conversationId: payload.conversation.id })).items.find((m) => m.direction === 'INBOUND')!;
    await expect(admin.http.conversation.rateAiMessage.mutate({ messageId: customerMessage.id, helpful: true })).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });
    await events.stop();
  });
});
