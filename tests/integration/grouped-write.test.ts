import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantEvent } from '../../src/contracts/events.ts';
import { writeWithEventsGrouped } from '../../server/realtime/grouped-write.ts';
import { Collector, markerDraft } from '../support/events.ts';
import { createWorkspace } from '../support/factories.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

/** A gate a write waits on inside its transaction, so the test decides when it may finish. */
const gate = () => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
};

describe('grouped writes', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis: true });
  });
  afterAll(() => app.stop());

  const markers = async (tenantId: string) =>
    (await app.deps.db.event.findMany({ where: { tenantId, type: 'member.invite_revoked' }, orderBy: { seq: 'asc' } })).map((e) => ({
      seq: Number(e.seq),
      label: (e.payload as { inviteId: string }).inviteId,
    }));

  it('commits the writes that queued behind a running one together: one transaction, one publish, gap-free', async () => {
    const { tenantId } = await createWorkspace(app.url);
    const published = new Collector<TenantEvent[]>();
    const stop = await app.deps.bus.subscribe(tenantId, (events) => published.push(events));
    const holding = gate();
    const inside = gate();
    const first = writeWithEventsGrouped(app.deps, tenantId, async () => {
      inside.open();
      await holding.opened;
      return { result: 'first', events: [markerDraft('first')] };
    });
    await inside.opened;
    // These arrive while the first transaction is open: they wait, then go as one group.
    const queued = ['a', 'b', 'c', 'd'].map((label) => writeWithEventsGrouped(app.deps, tenantId, async () => ({ result: label, events: [markerDraft(label)] })));
    holding.open();
    expect(await Promise.all([first, ...queued])).toEqual(['first', 'a', 'b', 'c', 'd']);
    await published.until((p) => p.flat().length === 5);
    stop();
    expect(published.items.map((p) => p.map((e) => (e.payload as { inviteId: string }).inviteId))).toEqual([['first'], ['a', 'b', 'c', 'd']]);
    const stored = await markers(tenantId);
    expect(stored.map((m) => m.label)).toEqual(['first', 'a', 'b', 'c', 'd']);
    expect(stored.map((m) => m.seq)).toEqual([2, 3, 4, 5, 6]);
  });

  it('writes a failing group one by one: the bad write fails alone and the others commit', async () => {
    const { tenantId } = await createWorkspace(app.url);
    const holding = gate();
    const inside = gate();
    const first = writeWithEventsGrouped(app.deps, tenantId, async () => {
      inside.open();
      await holding.opened;
      return { result: 'first', events: [markerDraft('first')] };
    });
    await inside.opened;
    const good = writeWithEventsGrouped(app.deps, tenantId, async (tx) => {
      // A row written in the failed group must not survive it: the retry writes it once.
      await tx.contact.create({ data: { tenantId, name: 'written-once', source: 'MANUAL' } });
      return { result: 'good', events: [markerDraft('good')] };
    });
    const bad = writeWithEventsGrouped(app.deps, tenantId, async () => {
      throw new Error('this write is broken');
    });
    const after = writeWithEventsGrouped(app.deps, tenantId, async () => ({ result: 'after', events: [markerDraft('after')] }));
    holding.open();
    expect(await first).toBe('first');
    expect(await good).toBe('good');
    await expect(bad).rejects.toThrow('this write is broken');
    expect(await after).toBe('after');
    expect((await markers(tenantId)).map((m) => m.label)).toEqual(['first', 'good', 'after']);
    expect(await app.deps.db.contact.count({ where: { tenantId, name: 'written-once' } })).toBe(1);
  });

  it('keeps workspaces apart: one workspace’s queue never holds up or joins another’s', async () => {
    const a = await createWorkspace(app.url);
    const b = await createWorkspace(app.url);
    const holding = gate();
    const inside = gate();
    const slowA = writeWithEventsGrouped(app.deps, a.tenantId, async () => {
      inside.open();
      await holding.opened;
      return { result: 'a', events: [markerDraft('a')] };
    });
    await inside.opened;
    // B commits while A's transaction is still open.
    expect(await writeWithEventsGrouped(app.deps, b.tenantId, async () => ({ result: 'b', events: [markerDraft('b')] }))).toBe('b');
    holding.open();
    expect(await slowA).toBe('a');
    expect((await markers(a.tenantId)).map((m) => m.label)).toEqual(['a']);
    expect((await markers(b.tenantId)).map((m) => m.label)).toEqual(['b']);
  });
});
