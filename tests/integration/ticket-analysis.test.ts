/** AI ticket analysis against a fake OpenAI server speaking the real wire format. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type ChatRequest, type FakeOpenAi } from '../../server/dev/fake-openai-server.ts';
import type { TenantEvent } from '../../src/contracts/events.ts';
import { createWorkspace, refusalOf, watchEvents } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

let app: TestApp;
let offline: TestApp;
let openai: FakeOpenAi;
beforeAll(async () => {
  openai = await startFakeOpenAi();
  [app, offline] = await Promise.all([startTestApp({ env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: openai.url } }), startTestApp()]);
  // Answers say how many comments they were shown, so a test can tell which history produced a result.
  openai.setFallback((request: ChatRequest) => {
    const prompt = request.messages.at(-1)?.content ?? '';
    const comments = /Comments \((\d+)/.exec(prompt)?.[1] ?? '?';
    return {
      kind: 'text',
      text: JSON.stringify({ summary: `Saw ${comments} comments.`, category: 'delivery', sentiment: 'negative', suggestedPriority: 'high', nextActions: ['Call the courier'] }),
    };
  });
});
afterAll(async () => {
  await Promise.all([app?.stop(), offline?.stop(), openai?.stop()]);
});

type Analysed = Extract<TenantEvent, { type: 'ticket.analysis_updated' }>;
const analysed = (ticketId: string, status: 'DONE' | 'FAILED', summary?: string) => (e: TenantEvent): e is Analysed =>
  e.type === 'ticket.analysis_updated' &&
  e.payload.ticket.id === ticketId &&
  e.payload.ticket.analysis.status === status &&
  (summary === undefined || e.payload.ticket.analysis.result?.summary === summary);

const requestsAbout = (subject: string) => openai.requests.filter((r) => r.messages.some((m) => m.content?.includes(subject)));

describe('ticket analysis', () => {
  it('is pending at creation and lands live with summary, category, sentiment, priority and next actions', async () => {
    const { admin } = await createWorkspace(app.url);
    const stream = watchEvents(admin, '0', { waitMs: 20_000 });
    const ticket = await admin.http.ticket.create.mutate({ subject: 'Parcel lost A1', description: 'Tracking stuck since Monday.' });
    expect(ticket.analysis.status).toBe('PENDING');
    const done = await stream.next(analysed(ticket.id, 'DONE'));
    expect(done.payload.ticket.analysis).toMatchObject({
      status: 'DONE',
      error: null,
      result: { summary: 'Saw 0 comments.', category: 'delivery', sentiment: 'negative', suggestedPriority: 'HIGH', nextActions: ['Call the courier'] },
    });
    expect(done.payload.ticket.analysis.analysedAt).not.toBeNull();
    const [request] = requestsAbout('Parcel lost A1');
    expect(request).toMatchObject({ model: 'gpt-4o-mini' });
    // An analysis is not an edit: the ticket's "updated" time stays.
    expect(done.payload.ticket.updatedAt).toBe(ticket.updatedAt);
  });

  it('records a failure visibly and succeeds on retry', async () => {
    const { admin } = await createWorkspace(app.url);
    const stream = watchEvents(admin, '0', { waitMs: 20_000 });
    openai.script({ kind: 'error', status: 400, message: 'Invalid request' });
    const ticket = await admin.http.ticket.create.mutate({ subject: 'Fails first B2' });
    const failed = await stream.next(analysed(ticket.id, 'FAILED'));
    expect(failed.payload.ticket.analysis).toMatchObject({ status: 'FAILED', result: null, error: 'The AI service did not answer. Try again.' });
    // The ticket itself works on as usual.
    await admin.http.ticket.update.mutate({ ticketId: ticket.id, status: 'OPEN' });

    const retried = await admin.http.ticket.retryAnalysis.mutate({ ticketId: ticket.id });
    expect(retried.analysis.status).toBe('PENDING');
    const done = await stream.next(analysed(ticket.id, 'DONE'));
    expect(done.payload.ticket.analysis).toMatchObject({ error: null, result: { category: 'delivery' } });
  });

  it('fails with a reason when the model does not answer with usable JSON', async () => {
    const { admin } = await createWorkspace(app.url);
    const stream = watchEvents(admin, '0', { waitMs: 20_000 });
    openai.script({ kind: 'text', text: 'Sure! The customer seems upset.' });
    const ticket = await admin.http.ticket.create.mutate({ subject: 'Prose answer C3' });
    const failed = await stream.next(analysed(ticket.id, 'FAILED'));
    expect(failed.payload.ticket.analysis.error).toBe('The AI did not answer with JSON.');
  });

  it('runs again on every comment, with the whole history in the prompt, and keeps only the newest result', async () => {
    const { admin } = await createWorkspace(app.url);
    const stream = watchEvents(admin, '0', { waitMs: 20_000 });
    const ticket = await admin.http.ticket.create.mutate({ subject: 'History D4', description: 'The blue sofa arrived torn.' });
    await admin.http.ticket.update.mutate({ ticketId: ticket.id, priority: 'HIGH', tags: ['damage'] });
    await admin.http.ticket.addComment.mutate({ ticketId: ticket.id, body: 'Asked for photos.', visibility: 'public' });
    await admin.http.ticket.addComment.mutate({ ticketId: ticket.id, body: 'Courier admits fault.', visibility: 'internal' });
    await stream.next(analysed(ticket.id, 'DONE', 'Saw 2 comments.'));

    const last = requestsAbout('History D4').at(-1)!;
    const prompt = last.messages.map((m) => m.content ?? '').join('\n');
    for (const part of [
      'The blue sofa arrived torn.',
      'Ada Admin: Asked for photos.',
      'Ada Admin (internal note): Courier admits fault.',
      'changed priority: NORMAL → HIGH',
      'changed tags: — → damage',
      'changed status: NEW → OPEN',
      'Priority: HIGH',
    ]) {
      expect(prompt).toContain(part);
    }
    const detail = await admin.http.ticket.get.query({ ticketId: ticket.id });
    expect(detail.ticket.analysis).toMatchObject({ status: 'DONE', result: { summary: 'Saw 2 comments.' } });
  });
});

describe('without an OpenAI key', () => {
  it('leaves tickets unanalysed, says the AI is offline, and refuses a retry clearly', async () => {
    const { admin } = await createWorkspace(offline.url);
    const ticket = await admin.http.ticket.create.mutate({ subject: 'Offline E5' });
    expect(ticket.analysis).toEqual({ status: 'IDLE', result: null, error: null, analysedAt: null });
    const detail = await admin.http.ticket.get.query({ ticketId: ticket.id });
    expect(detail.aiOnline).toBe(false);
    const refusal = await refusalOf(admin.http.ticket.retryAnalysis.mutate({ ticketId: ticket.id }));
    expect(refusal).toMatchObject({ code: 'PRECONDITION_FAILED' });
    expect(refusal.message).toMatch(/AI is offline/);
    await admin.http.ticket.addComment.mutate({ ticketId: ticket.id, body: 'Still works', visibility: 'internal' });
    expect((await admin.http.ticket.get.query({ ticketId: ticket.id })).ticket.analysis.status).toBe('IDLE');
  });
});
