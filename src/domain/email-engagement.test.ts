import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  INITIAL_ENGAGEMENT,
  SENDGRID_EVENT_TYPES,
  blocksFurtherEmail,
  eventFingerprint,
  foldEngagement,
  toEngagementEvent,
  type EmailDeliveryStatus,
  type EngagementEvent,
  type EngagementState,
  type SendgridEventType,
} from './email-engagement.ts';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const at = (minute: number) => new Date(T0 + minute * 60_000);
const ev = (type: SendgridEventType, minute: number, extra: Partial<EngagementEvent> = {}): EngagementEvent => ({ type, at: at(minute), sgEventId: `${type}-${minute}`, ...extra });
const state = (overrides: Partial<EngagementState> = {}): EngagementState => ({ ...INITIAL_ENGAGEMENT, ...overrides });

const permutations = <T>(xs: T[]): T[][] =>
  xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));

/** Deterministic PRNG (mulberry32) so a failing shuffle can be replayed. */
const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const shuffle = <T>(xs: T[], random: () => number): T[] => {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

describe('INITIAL_ENGAGEMENT', () => {
  it('is a sent email with nothing observed', () => {
    expect(INITIAL_ENGAGEMENT).toEqual({
      status: 'sent',
      deliveredAt: null,
      firstOpenedAt: null,
      lastOpenedAt: null,
      openCount: 0,
      clicks: [],
      bounceReason: null,
      dropReason: null,
      spamReportedAt: null,
      unsubscribedAt: null,
    });
    expect(blocksFurtherEmail(INITIAL_ENGAGEMENT)).toBeNull();
  });
  it('cannot be mutated by accident', () => {
    expect(Object.isFrozen(INITIAL_ENGAGEMENT)).toBe(true);
    expect(Object.isFrozen(INITIAL_ENGAGEMENT.clicks)).toBe(true);
  });
});

describe('foldEngagement: status', () => {
  const STATUSES: EmailDeliveryStatus[] = ['queued', 'sent', 'processed', 'deferred', 'delivered', 'bounced', 'dropped', 'failed'];
  // Rows: prior status. Columns, in order: processed deferred delivered open click bounce dropped
  // spamreport unsubscribe group_unsubscribe group_resubscribe.
  const table: Record<EmailDeliveryStatus, EmailDeliveryStatus[]> = {
    queued: ['processed', 'deferred', 'delivered', 'delivered', 'delivered', 'bounced', 'dropped', 'delivered', 'delivered', 'delivered', 'delivered'],
    sent: ['processed', 'deferred', 'delivered', 'delivered', 'delivered', 'bounced', 'dropped', 'delivered', 'delivered', 'delivered', 'delivered'],
    processed: ['processed', 'deferred', 'delivered', 'delivered', 'delivered', 'bounced', 'dropped', 'delivered', 'delivered', 'delivered', 'delivered'],
    deferred: ['deferred', 'deferred', 'delivered', 'delivered', 'delivered', 'bounced', 'dropped', 'delivered', 'delivered', 'delivered', 'delivered'],
    delivered: ['delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'bounced', 'dropped', 'delivered', 'delivered', 'delivered', 'delivered'],
    bounced: ['bounced', 'bounced', 'bounced', 'bounced', 'bounced', 'bounced', 'dropped', 'bounced', 'bounced', 'bounced', 'bounced'],
    dropped: ['dropped', 'dropped', 'dropped', 'dropped', 'dropped', 'dropped', 'dropped', 'dropped', 'dropped', 'dropped', 'dropped'],
    // SendGrid sends events only for messages it accepted: a "failed" send that timed out after it did.
    failed: ['processed', 'deferred', 'delivered', 'delivered', 'delivered', 'bounced', 'dropped', 'delivered', 'delivered', 'delivered', 'delivered'],
  };
  it('the table covers every event type in order', () => {
    expect(SENDGRID_EVENT_TYPES).toEqual(['processed', 'deferred', 'delivered', 'open', 'click', 'bounce', 'dropped', 'spamreport', 'unsubscribe', 'group_unsubscribe', 'group_resubscribe']);
  });
  for (const prior of STATUSES) {
    SENDGRID_EVENT_TYPES.forEach((type, column) => {
      const expected = table[prior][column]!;
      it(`${prior} + ${type} -> ${expected}`, () => {
        expect(foldEngagement(state({ status: prior }), [ev(type, 1, { url: 'https://x.test' })]).status).toBe(expected);
      });
    });
  }
  it('no events leave the state as it was', () => {
    for (const prior of STATUSES) expect(foldEngagement(state({ status: prior }), [])).toEqual(state({ status: prior }));
  });
});

describe('foldEngagement: what one event records', () => {
  const cases: Array<[string, EngagementEvent, Partial<EngagementState>]> = [
    ['processed', ev('processed', 1), { status: 'processed' }],
    ['deferred', ev('deferred', 1, { reason: '400 try again later' }), { status: 'deferred' }],
    ['delivered', ev('delivered', 1), { status: 'delivered', deliveredAt: at(1) }],
    ['open', ev('open', 2), { status: 'delivered', deliveredAt: at(2), firstOpenedAt: at(2), lastOpenedAt: at(2), openCount: 1 }],
    ['click', ev('click', 3, { url: 'https://acme.test/pricing' }), { status: 'delivered', deliveredAt: at(3), clicks: [{ url: 'https://acme.test/pricing', count: 1, firstAt: at(3), lastAt: at(3) }] }],
    ['bounce', ev('bounce', 4, { reason: '550 5.1.1 unknown user', status: '5.1.1', bounceType: 'bounce' }), { status: 'bounced', bounceReason: '550 5.1.1 unknown user' }],
    ['blocked bounce', ev('bounce', 4, { reason: '554 blocked', bounceType: 'blocked' }), { status: 'bounced', bounceReason: '554 blocked' }],
    ['bounce without a reason', ev('bounce', 4), { status: 'bounced' }],
    ['dropped', ev('dropped', 5, { reason: 'Bounced Address', status: '5.0.0' }), { status: 'dropped', dropReason: 'Bounced Address' }],
    ['spamreport', ev('spamreport', 6), { status: 'delivered', deliveredAt: at(6), spamReportedAt: at(6) }],
    ['unsubscribe', ev('unsubscribe', 7), { status: 'delivered', deliveredAt: at(7), unsubscribedAt: at(7) }],
    ['group_unsubscribe', ev('group_unsubscribe', 8), { status: 'delivered', deliveredAt: at(8), unsubscribedAt: at(8) }],
    ['group_resubscribe alone', ev('group_resubscribe', 9), { status: 'delivered', deliveredAt: at(9) }],
  ];
  for (const [name, event, expected] of cases) {
    it(name, () => {
      expect(foldEngagement(INITIAL_ENGAGEMENT, [event])).toEqual(state(expected));
    });
  }
  it('a deferred reason is not a bounce or drop reason', () => {
    expect(foldEngagement(INITIAL_ENGAGEMENT, [ev('deferred', 1, { reason: 'try later' })])).toMatchObject({ bounceReason: null, dropReason: null });
  });
});

describe('foldEngagement: rules', () => {
  it('a late delivered after an open does not regress the status, and lowers deliveredAt to the delivery', () => {
    const opened = foldEngagement(INITIAL_ENGAGEMENT, [ev('open', 10)]);
    expect(opened).toMatchObject({ status: 'delivered', deliveredAt: at(10) });
    const late = foldEngagement(opened, [ev('delivered', 2), ev('processed', 1)]);
    expect(late).toMatchObject({ status: 'delivered', deliveredAt: at(2), openCount: 1 });
  });

  it('a deferred after delivered does not regress', () => {
    expect(foldEngagement(INITIAL_ENGAGEMENT, [ev('delivered', 5), ev('deferred', 6)]).status).toBe('delivered');
    expect(foldEngagement(state({ status: 'delivered', deliveredAt: at(5) }), [ev('deferred', 6)]).status).toBe('delivered');
  });

  it('an asynchronous bounce after delivered wins, keeping when it was delivered', () => {
    const folded = foldEngagement(INITIAL_ENGAGEMENT, [ev('processed', 0), ev('delivered', 1), ev('bounce', 30, { reason: '550 mailbox full', bounceType: 'bounce' })]);
    expect(folded).toMatchObject({ status: 'bounced', deliveredAt: at(1), bounceReason: '550 mailbox full' });
  });

  it('deferred for days then blocked ends bounced', () => {
    const events = [ev('processed', 0), ev('deferred', 1), ev('deferred', 60), ev('bounce', 4320, { reason: 'blocked', bounceType: 'blocked' })];
    expect(foldEngagement(INITIAL_ENGAGEMENT, events)).toMatchObject({ status: 'bounced', deliveredAt: null, bounceReason: 'blocked' });
  });

  it('counts every open it is given (the caller dedupes) with first and last as min and max', () => {
    const folded = foldEngagement(INITIAL_ENGAGEMENT, [ev('open', 30), ev('open', 10), ev('open', 20), ev('open', 10)]);
    expect(folded).toMatchObject({ openCount: 4, firstOpenedAt: at(10), lastOpenedAt: at(30) });
    const more = foldEngagement(folded, [ev('open', 5), ev('open', 25)]);
    expect(more).toMatchObject({ openCount: 6, firstOpenedAt: at(5), lastOpenedAt: at(30) });
  });

  it('groups clicks per URL with counts and first/last, ordered by first click then URL, merging the prior state', () => {
    const a = 'https://acme.test/a';
    const b = 'https://acme.test/b';
    const c = 'https://acme.test/c';
    const folded = foldEngagement(INITIAL_ENGAGEMENT, [ev('click', 9, { url: b }), ev('click', 3, { url: a }), ev('click', 7, { url: a }), ev('click', 3, { url: c }), ev('click', 5, { url: a })]);
    expect(folded.clicks).toEqual([
      { url: a, count: 3, firstAt: at(3), lastAt: at(7) },
      { url: c, count: 1, firstAt: at(3), lastAt: at(3) },
      { url: b, count: 1, firstAt: at(9), lastAt: at(9) },
    ]);
    const more = foldEngagement(folded, [ev('click', 1, { url: b }), ev('click', 20, { url: c })]);
    expect(more.clicks).toEqual([
      { url: b, count: 2, firstAt: at(1), lastAt: at(9) },
      { url: a, count: 3, firstAt: at(3), lastAt: at(7) },
      { url: c, count: 2, firstAt: at(3), lastAt: at(20) },
    ]);
  });

  it('keeps the latest bounce and drop reasons (equal times broken by text), and the prior reason when no new one comes', () => {
    const bounces = [ev('bounce', 1, { reason: 'first' }), ev('bounce', 9, { reason: 'latest' }), ev('bounce', 5, { reason: 'middle' })];
    expect(foldEngagement(INITIAL_ENGAGEMENT, bounces).bounceReason).toBe('latest');
    expect(foldEngagement(INITIAL_ENGAGEMENT, [ev('dropped', 1, { reason: 'b' }), ev('dropped', 1, { reason: 'a' })]).dropReason).toBe('b');
    expect(foldEngagement(state({ status: 'bounced', bounceReason: 'earlier batch' }), [ev('open', 3)]).bounceReason).toBe('earlier batch');
    expect(foldEngagement(state({ status: 'bounced', bounceReason: 'earlier batch' }), [ev('bounce', 3, { reason: 'new' })]).bounceReason).toBe('new');
    expect(foldEngagement(state({ status: 'bounced', bounceReason: 'kept' }), [ev('bounce', 3)]).bounceReason).toBe('kept');
  });

  it('records the first spam report', () => {
    expect(foldEngagement(INITIAL_ENGAGEMENT, [ev('spamreport', 8), ev('spamreport', 4)]).spamReportedAt).toEqual(at(4));
    expect(foldEngagement(state({ spamReportedAt: at(2) }), [ev('spamreport', 8)]).spamReportedAt).toEqual(at(2));
  });

  describe('unsubscribes', () => {
    const cases: Array<[string, EngagementEvent[], Date | null]> = [
      ['a global unsubscribe', [ev('unsubscribe', 5)], at(5)],
      ['the earliest of two global unsubscribes', [ev('unsubscribe', 9), ev('unsubscribe', 5)], at(5)],
      ['a global unsubscribe survives a later group resubscribe', [ev('unsubscribe', 5), ev('group_resubscribe', 9)], at(5)],
      ['a group unsubscribe cleared by a later resubscribe', [ev('group_unsubscribe', 5), ev('group_resubscribe', 9)], null],
      ['a group unsubscribe after the resubscribe stands', [ev('group_resubscribe', 5), ev('group_unsubscribe', 9)], at(9)],
      ['a resubscribe in the same second does not clear it', [ev('group_unsubscribe', 5), ev('group_resubscribe', 5)], at(5)],
      ['unsubscribe, resubscribe, unsubscribe again: since the last period began', [ev('group_unsubscribe', 1), ev('group_resubscribe', 3), ev('group_unsubscribe', 6), ev('group_unsubscribe', 8)], at(6)],
      ['two group unsubscribes: since the first', [ev('group_unsubscribe', 8), ev('group_unsubscribe', 2)], at(2)],
      ['global and group: the earliest effective one', [ev('group_unsubscribe', 2), ev('unsubscribe', 7)], at(2)],
      ['global kept while the group one is resubscribed', [ev('group_unsubscribe', 2), ev('unsubscribe', 7), ev('group_resubscribe', 9)], at(7)],
    ];
    for (const [name, events, expected] of cases) {
      it(name, () => {
        for (const order of permutations(events)) expect(foldEngagement(INITIAL_ENGAGEMENT, order).unsubscribedAt).toEqual(expected);
      });
    }
    it('a prior unsubscribedAt is kept even past a later resubscribe (the state cannot tell group from global)', () => {
      expect(foldEngagement(state({ unsubscribedAt: at(2) }), [ev('group_resubscribe', 9)]).unsubscribedAt).toEqual(at(2));
      expect(foldEngagement(state({ unsubscribedAt: at(6) }), [ev('unsubscribe', 3)]).unsubscribedAt).toEqual(at(3));
    });
  });

  it('never mutates its inputs', () => {
    const prior = state({ openCount: 1, clicks: [{ url: 'u', count: 1, firstAt: at(1), lastAt: at(1) }] });
    const snapshot = structuredClone(prior);
    const events = [ev('click', 0, { url: 'u' }), ev('open', 0)];
    const eventsSnapshot = structuredClone(events);
    foldEngagement(prior, events);
    expect(prior).toEqual(snapshot);
    expect(events).toEqual(eventsSnapshot);
    expect(foldEngagement(INITIAL_ENGAGEMENT, events).clicks).not.toBe(INITIAL_ENGAGEMENT.clicks);
  });
});

describe('foldEngagement: arrival order never matters', () => {
  const scenarios: Array<[string, EngagementEvent[]]> = [
    ['a normal life', [ev('processed', 0), ev('delivered', 1), ev('open', 5), ev('open', 9), ev('click', 6, { url: 'https://a.test' }), ev('click', 7, { url: 'https://b.test' }), ev('click', 8, { url: 'https://a.test' })]],
    ['deferrals then delivery and a spam report', [ev('processed', 0), ev('deferred', 1), ev('deferred', 2), ev('delivered', 3), ev('open', 4), ev('spamreport', 5), ev('unsubscribe', 6)]],
    ['an async bounce after delivery and opens', [ev('processed', 0), ev('delivered', 1), ev('open', 2), ev('bounce', 3, { reason: 'r1' }), ev('bounce', 3, { reason: 'r2' }), ev('deferred', 4), ev('click', 2, { url: 'u' })]],
    ['a drop with contradictions', [ev('processed', 0), ev('dropped', 1, { reason: 'Unsubscribed Address' }), ev('dropped', 1, { reason: 'Bounced Address' }), ev('delivered', 2), ev('open', 3), ev('group_unsubscribe', 4), ev('group_resubscribe', 5)]],
    ['group unsubscribe churn', [ev('open', 0), ev('group_unsubscribe', 1), ev('group_resubscribe', 2), ev('group_unsubscribe', 3), ev('group_resubscribe', 3), ev('unsubscribe', 9), ev('click', 1, { url: 'u' })]],
    ['equal timestamps everywhere', [ev('delivered', 1), ev('open', 1), ev('open', 1), ev('click', 1, { url: 'x' }), ev('click', 1, { url: 'y' }), ev('bounce', 1, { reason: 'b' }), ev('spamreport', 1)]],
  ];
  for (const [name, events] of scenarios) {
    it(`${name}: all ${permutations(events).length} orders fold to the same state`, () => {
      const expected = foldEngagement(INITIAL_ENGAGEMENT, events);
      for (const order of permutations(events)) expect(foldEngagement(INITIAL_ENGAGEMENT, order)).toEqual(expected);
    });
  }

  const URLS = ['https://a.test', 'https://b.test', 'https://c.test/x?y=1'];
  const randomEvents = (random: () => number, count: number, types: readonly SendgridEventType[] = SENDGRID_EVENT_TYPES): EngagementEvent[] =>
    Array.from({ length: count }, (_, i) => {
      const type = types[Math.floor(random() * types.length)]!;
      // Few distinct minutes, so equal timestamps are common.
      return ev(type, Math.floor(random() * 12), { sgEventId: `e${i}`, url: URLS[Math.floor(random() * URLS.length)], reason: `reason ${Math.floor(random() * 4)}` });
    });

  it('random lists of every event type, shuffled: same state', () => {
    const random = rng(42);
    for (let list = 0; list < 40; list++) {
      const events = randomEvents(random, 5 + Math.floor(random() * 60));
      const expected = foldEngagement(INITIAL_ENGAGEMENT, events);
      for (let shuffleRound = 0; shuffleRound < 25; shuffleRound++) expect(foldEngagement(INITIAL_ENGAGEMENT, shuffle(events, random))).toEqual(expected);
    }
  });

  it('folding in batches equals folding all at once (without resubscribes or competing reasons)', () => {
    const random = rng(7);
    const types = SENDGRID_EVENT_TYPES.filter((type) => type !== 'group_resubscribe');
    for (let list = 0; list < 40; list++) {
      // One reason per list: with several, a later batch's reason wins over an earlier batch's later one.
      const events = randomEvents(random, 2 + Math.floor(random() * 40), types).map((event) => ({ ...event, reason: 'the reason' }));
      const expected = foldEngagement(INITIAL_ENGAGEMENT, events);
      const shuffled = shuffle(events, random);
      const cut1 = Math.floor(random() * shuffled.length);
      const cut2 = cut1 + Math.floor(random() * (shuffled.length - cut1));
      const batched = [shuffled.slice(0, cut1), shuffled.slice(cut1, cut2), shuffled.slice(cut2)].reduce(foldEngagement, INITIAL_ENGAGEMENT);
      expect(batched).toEqual(expected);
    }
  });
});

describe('blocksFurtherEmail', () => {
  const cases: Array<[string, Partial<EngagementState>, string | null]> = [
    ['nothing happened', {}, null],
    ['delivered, opened and clicked', { status: 'delivered', openCount: 3 }, null],
    ['deferred', { status: 'deferred' }, null],
    ['failed at the API', { status: 'failed' }, null],
    ['bounced with a reason', { status: 'bounced', bounceReason: '550 unknown user' }, 'bounced: 550 unknown user'],
    ['bounced without a reason', { status: 'bounced' }, 'bounced: unknown reason'],
    ['a bounce reason behind a later drop', { status: 'dropped', bounceReason: '550 gone', dropReason: 'Invalid' }, 'bounced: 550 gone'],
    ['spam report', { status: 'delivered', spamReportedAt: at(1) }, 'spam report'],
    ['unsubscribed', { status: 'delivered', unsubscribedAt: at(1) }, 'unsubscribed'],
    ['bounce outranks spam and unsubscribe', { status: 'bounced', bounceReason: 'x', spamReportedAt: at(1), unsubscribedAt: at(1) }, 'bounced: x'],
    ['spam outranks unsubscribe', { spamReportedAt: at(1), unsubscribedAt: at(1) }, 'spam report'],
    ['dropped: address on the bounce list', { status: 'dropped', dropReason: 'Bounced Address' }, 'bounced: Bounced Address'],
    ['dropped: address unsubscribed', { status: 'dropped', dropReason: 'Unsubscribed Address' }, 'unsubscribed'],
    ['dropped: address reported spam', { status: 'dropped', dropReason: 'Spam Reporting Address' }, 'spam report'],
    ['dropped: spam content is about the email, not the address', { status: 'dropped', dropReason: 'Spam Content (if spam checker app enabled)' }, null],
    ['dropped: invalid SMTPAPI header', { status: 'dropped', dropReason: 'Invalid SMTPAPI header' }, null],
    ['dropped without a reason', { status: 'dropped' }, null],
  ];
  for (const [name, overrides, expected] of cases) {
    it(`${name} → ${expected}`, () => {
      expect(blocksFurtherEmail(state(overrides))).toBe(expected);
    });
  }
  it('blocks after the SendGrid example of every event type', () => {
    const samples = readSamples().all_event_types_one_post.map(toEngagementEvent);
    expect(blocksFurtherEmail(foldEngagement(INITIAL_ENGAGEMENT, samples.filter((e): e is EngagementEvent => e !== null)))).toBe('bounced: 500 unknown recipient');
  });
});

type Samples = { all_event_types_one_post: Array<Record<string, unknown>>; per_event_examples: Record<string, Array<Record<string, unknown>>> } & Record<string, unknown>;
const readSamples = () => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/provider-vectors/sendgrid-event-samples.json'), 'utf8')) as Samples;

describe('toEngagementEvent', () => {
  const samples = readSamples();

  it('parses SendGrid’s example of every event type', () => {
    const parsed = samples.all_event_types_one_post.map(toEngagementEvent);
    expect(parsed.map((event) => event?.type)).toEqual([...SENDGRID_EVENT_TYPES]);
    for (const event of parsed) expect(event?.at).toEqual(new Date(1513299569 * 1000));
  });

  it('parses each per-event example, keeping the fields the fold uses', () => {
    for (const [name, events] of Object.entries(samples.per_event_examples)) {
      for (const raw of events) expect(toEngagementEvent(raw), name).not.toBeNull();
    }
    expect(toEngagementEvent(samples.per_event_examples.bounce_type_blocked![0])).toEqual({
      type: 'bounce',
      at: new Date(1513299569 * 1000),
      sgEventId: '6g4ZI7SA-xmRDv57GoPIPw==',
      reason: '500 unknown recipient',
      status: '5.0.0',
      bounceType: 'blocked',
    });
    expect(toEngagementEvent(samples.per_event_examples.click![0])).toMatchObject({ type: 'click', url: expect.stringMatching(/^http/) });
  });

  it('reads millisecond timestamps (Marketing Campaigns) and numeric strings', () => {
    const [singleSend] = samples.marketing_campaigns_single_send_open as Array<Record<string, unknown>>;
    expect(toEngagementEvent(singleSend)?.at).toEqual(new Date(1591726752372));
    expect(toEngagementEvent({ event: 'open', timestamp: '1600112492' })?.at).toEqual(new Date(1600112492 * 1000));
    expect(toEngagementEvent({ event: 'open', timestamp: 0 })?.at).toEqual(new Date(0));
  });

  it('accepts the capitalised event name from SendGrid’s reserved-key example', () => {
    const [raw] = samples.reserved_key_collision_result_NOTE_doc_shows_event_Processed_capitalized_and_timestamp_as_string as Array<Record<string, unknown>>;
    expect(toEngagementEvent(raw)).toEqual({ type: 'processed', at: new Date(123456789 * 1000), sgEventId: null });
  });

  it('drops custom args and unknown fields, and wrongly typed optional fields rather than the event', () => {
    const [raw] = samples.event_with_unique_args_flattened_to_top_level as Array<Record<string, unknown>>;
    expect(toEngagementEvent(raw)).toEqual({ type: 'click', at: new Date(1337966815 * 1000), sgEventId: null, url: 'https://sendgrid.com' });
    expect(toEngagementEvent({ event: 'click', timestamp: 1, url: 42, reason: null, sg_event_id: 7 })).toEqual({ type: 'click', at: new Date(1000), sgEventId: null });
    expect(toEngagementEvent({ event: 'open', timestamp: 1, sg_event_id: '' })?.sgEventId).toBeNull();
  });

  it.each<[string, unknown, string | null]>([
    ['a usual id', 'fL5kVYFbTNCu3QnHcH2Erw==', 'fL5kVYFbTNCu3QnHcH2Erw=='],
    ['NUL characters removed (PostgreSQL text refuses them)', 'ab\u0000c', 'abc'],
    ['only NUL characters: no id', '\u0000', null],
    ['255 characters kept', 'x'.repeat(255), 'x'.repeat(255)],
    ['longer than an index entry may hold: no id (the fingerprint dedupes)', 'x'.repeat(5000), null],
  ])('sg_event_id: %s', (_name, id, expected) => {
    expect(toEngagementEvent({ event: 'open', timestamp: 1, sg_event_id: id })?.sgEventId).toBe(expected);
  });

  const refused: Array<[string, unknown]> = [
    ['an unknown event type', { event: 'machine_open', timestamp: 1600112492 }],
    ['an account event', { event: 'account_status_change', timestamp: 1600112492 }],
    ['no event', { timestamp: 1600112492 }],
    ['no timestamp', { event: 'open' }],
    ['a negative timestamp', { event: 'open', timestamp: -5 }],
    ['a non-numeric timestamp string', { event: 'open', timestamp: '2020-09-14' }],
    ['a timestamp beyond Date', { event: 'open', timestamp: 1e300 }],
    ['an event that is not a string', { event: 7, timestamp: 1 }],
    ['null', null],
    ['a string', 'open'],
    ['a number', 42],
    ['an array', [{ event: 'open', timestamp: 1 }]],
  ];
  for (const [name, raw] of refused) {
    it(`returns null (never throws) for ${name}`, () => {
      expect(toEngagementEvent(raw)).toBeNull();
    });
  }
});

describe('eventFingerprint', () => {
  const raw = {
    email: 'lead@example.com',
    timestamp: 1600112492,
    event: 'click',
    url: 'https://acme.test/pricing',
    sg_event_id: 'first-id',
    sg_message_id: 'abc.filter-1',
    url_offset: { index: 0, type: 'html' },
    category: ['a', 'b'],
    emailId: 'email_1',
  };

  it('ignores sg_event_id (a retry under a new id) and key order at every depth', () => {
    const retried = { ...raw, sg_event_id: 'second-id' };
    const reordered = Object.fromEntries(Object.entries({ ...raw, url_offset: { type: 'html', index: 0 } }).reverse());
    const withoutId = Object.fromEntries(Object.entries(raw).filter(([key]) => key !== 'sg_event_id'));
    expect(eventFingerprint(retried)).toBe(eventFingerprint(raw));
    expect(eventFingerprint(reordered)).toBe(eventFingerprint(raw));
    expect(eventFingerprint(withoutId)).toBe(eventFingerprint(raw));
  });

  it('is a stable hex SHA-256 of the canonical JSON (stored fingerprints must keep matching)', () => {
    const canonical =
      '{"category":["a","b"],"email":"lead@example.com","emailId":"email_1","event":"click","sg_message_id":"abc.filter-1","timestamp":1600112492,"url":"https://acme.test/pricing","url_offset":{"index":0,"type":"html"}}';
    expect(eventFingerprint(raw)).toBe(createHash('sha256').update(canonical).digest('hex'));
  });

  const changes: Array<[string, Record<string, unknown>]> = [
    ['timestamp', { timestamp: 1600112493 }],
    ['event', { event: 'open' }],
    ['url', { url: 'https://acme.test/pricing?x' }],
    ['a nested value', { url_offset: { index: 1, type: 'html' } }],
    ['array order', { category: ['b', 'a'] }],
    ['a custom arg', { emailId: 'email_2' }],
    ['a number become a string', { timestamp: '1600112492' }],
    ['an added field', { useragent: 'Mozilla' }],
    ['a null field', { ip: null }],
  ];
  for (const [name, change] of changes) {
    it(`changes when ${name} changes`, () => {
      expect(eventFingerprint({ ...raw, ...change })).not.toBe(eventFingerprint(raw));
    });
  }

  it('treats an undefined field as absent, as JSON would', () => {
    expect(eventFingerprint({ ...raw, extra: undefined })).toBe(eventFingerprint(raw));
  });
});
