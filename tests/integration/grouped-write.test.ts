import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantEvent } from '../../src/contracts/events.ts';
import { CONCURRENT_GROUPS, writeWithEventsGrouped } from '../../server/realtime/grouped-write.ts';
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

  /** Fills every transaction slot of the tenant with a write that waits inside its transaction until released. */
  const occupy = async (tenantId: string, label: string) => {
    const holding = gate();
    const entered = Array.from({ length: CONCURRENT_GROUPS }, () => gate());
    const running = entered.map((inside, i) =>
      writeWithEventsGrouped(app.deps, tenantId, async () => {
        inside.open();
        await holding.opened;
        return { result: `${label}${i}`, events: [markerDraft(`${label}${i}`)] };
      }),
    );
    await Promise.all(entered.map((g) => g.opened));
    return { release: holding.open, running };
  };

  it('runs a few transactions at once, and commits the writes that queued behind them together: one transaction, one publish, gap-free', async () => {
    const { tenantId } = await createWorkspace(app.url);
    const published = new Collector<TenantEvent[]>();
    const stop = await app.deps.bus.subscribe(tenantId, (events) => published.push(events));
    // All slots busy at once (so they do run in parallel: each is inside its transaction).
    const busy = await occupy(tenantId, 'slot');
    // These arrive while every slot is taken: they wait, then go as one group.
    const queued = ['a', 'b', 'c', 'd'].map((label) => writeWithEventsGrouped(app.deps, tenantId, async () => ({ result: label, events: [markerDraft(label)] })));
    busy.release();
    expect(await Promise.all(busy.running)).toEqual(Array.from({ length: CONCURRENT_GROUPS }, (_, i) => `slot${i}`));
    expect(await Promise.all(queued)).toEqual(['a', 'b', 'c', 'd']);
    await published.until((p) => p.flat().length === CONCURRENT_GROUPS + 4);
    stop();
    const labelsOf = (events: TenantEvent[]) => events.map((e) => (e.payload as { inviteId: string }).inviteId);
    expect(published.items.map(labelsOf)).toContainEqual(['a', 'b', 'c', 'd']);
    expect(published.items).toHaveLength(CONCURRENT_GROUPS + 1);
    const stored = await markers(tenantId);
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: CONCURRENT_GROUPS + 4 }, (_, i) => i + 2));
  });

  it('writes a failing group one by one: the bad write fails alone and the others commit', async () => {
    const { tenantId } = await createWorkspace(app.url);
    const busy = await occupy(tenantId, 'slot');
    const good = writeWithEventsGrouped(app.deps, tenantId, async (tx) => {
      // A row written in the failed group must not survive it: the retry writes it once.
      await tx.contact.create({ data: { tenantId, name: 'written-once', source: 'MANUAL' } });
      return { result: 'good', events: [markerDraft('good')] };
    });
    const bad = writeWithEventsGrouped(app.deps, tenantId, async () => {
      throw new Error('this write is broken');
    });
    const after = writeWithEventsGrouped(app.deps, tenantId, async () => ({ result: 'after', events: [markerDraft('after')] }));
    busy.release();
    await Promise.all(busy.running);
    expect(await good).toBe('good');
    await expect(bad).rejects.toThrow('this write is broken');
    expect(await after).toBe('after');
    expect((await markers(tenantId)).map((m) => m.label).filter((l) => !l.startsWith('slot'))).toEqual(['good', 'after']);
    expect(await app.deps.db.contact.count({ where: { tenantId, name: 'written-once' } })).toBe(1);
  });

  it('keeps workspaces apart: one workspace’s queue never holds up or joins another’s', async () => {
    const a = await createWorkspace(app.url);
    const b = await createWorkspace(app.url);
    const busyA = await occupy(a.tenantId, 'a');
    // B commits while every one of A's slots is still open.
    expect(await writeWithEventsGrouped(app.deps, b.tenantId, async () => ({ result: 'b', events: [markerDraft('b')] }))).toBe('b');
    busyA.release();
    await Promise.all(busyA.running);
    expect((await markers(a.tenantId)).map((m) => m.label).sort()).toEqual(Array.from({ length: CONCURRENT_GROUPS }, (_, i) => `a${i}`));
    expect((await markers(b.tenantId)).map((m) => m.label)).toEqual(['b']);
  });
});
