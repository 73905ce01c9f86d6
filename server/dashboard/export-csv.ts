import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import type { ZExportCsvInput } from '../../src/contracts/dashboard.ts';
import type { Deps } from '../deps.ts';
import { agentsSection } from './analytics/agents-section.ts';
import { emailSection } from './analytics/email-section.ts';
import { leadsSection } from './analytics/leads-section.ts';
import { escalationsSection } from './analytics/escalations-section.ts';
import { personasSection } from './analytics/personas-section.ts';
import { resolveRange } from './analytics/range.ts';
import { ticketsSection } from './analytics/tickets-section.ts';
import { volumeSection } from './analytics/volume-section.ts';
import { drillDown } from './drill/drill-down.ts';

/** A drill-down export stops here: a spreadsheet, not a data dump. */
export const MAX_DRILL_ROWS = 10_000;

type Table = { columns: string[]; rows: Array<Array<string | number | null>> };
const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

/**
 * Every analytics table as CSV, the same numbers the page shows. Ticket tables add one entry.
 */
export const exportCsv = async (
  deps: Deps,
  { tenantId, table, range, timeZone, drill, now = Date.now() }: z.output<typeof ZExportCsvInput> & { tenantId: string; now?: number },
): Promise<{ filename: string; csv: string }> => {
  const r = resolveRange(range, timeZone, now);
  const cohort = { tenantId, from: r.from, to: r.to, now: new Date(now) };
  const build: Record<typeof table, () => Promise<Table>> = {
    volume: async () => ({
      columns: ['bucket', 'conversations', 'inbound', 'outbound', 'ai_replies', 'human_replies'],
      rows: (await volumeSection(deps, tenantId, r)).map((v) => [v.bucket, v.conversations, v.inbound, v.outbound, v.aiReplies, v.humanReplies]),
    }),
    escalations: async () => ({ columns: ['reason', 'count'], rows: (await escalationsSection(deps, cohort)).map((e) => [e.reason, e.count]) }),
    agents: async () => ({
      columns: ['user_id', 'name', 'conversations', 'takeovers', 'takeover_rate_pct', 'first_response_median_s', 'replies'],
      rows: (await agentsSection(deps, cohort)).map((a) => [
        a.userId, a.name, a.conversations, a.takeovers, pct(a.takeoverRate), a.firstResponseMedianMs === null ? null : a.firstResponseMedianMs / 1000, a.replies,
      ]),
    }),
    personas: async () => ({
      columns: ['ai_agent_id', 'name', 'conversations', 'taken_over', 'takeover_rate_pct', 'replies', 'helpful', 'not_helpful', 'rating_pct'],
      rows: (await personasSection(deps, cohort)).map((p) => [p.aiAgentId, p.name, p.conversations, p.takenOver, pct(p.takeoverRate), p.replies, p.helpful, p.notHelpful, pct(p.rating)]),
    }),
    email_funnel: async () => {
      const f = (await emailSection(deps, cohort)).funnel;
      const step = (name: string, count: number, rateOf: number | null) => [name, count, pct(rateOf)];
      return {
        columns: ['step', 'emails', 'rate_pct'],
        rows: [
          step('sent', f.sent, null),
          step('delivered', f.delivered, f.deliveredRate),
          step('opened', f.opened, f.openRate),
          step('clicked', f.clicked, f.clickRate),
          step('bounced', f.bounced, f.bounceRate),
          step('dropped', f.dropped, null),
          step('spam_reports', f.spam, null),
          step('unsubscribes', f.unsubscribed, null),
        ],
      };
    },
    email_senders: async () => ({
      columns: ['user_id', 'name', 'sent', 'delivered', 'opened', 'clicked', 'bounced', 'delivered_pct', 'open_pct', 'click_pct', 'bounce_pct'],
      rows: (await emailSection(deps, cohort)).senders.map((s) => [
        s.senderUserId, s.name, s.sent, s.delivered, s.opened, s.clicked, s.bounced, pct(s.deliveredRate), pct(s.openRate), pct(s.clickRate), pct(s.bounceRate),
      ]),
    }),
    ticket_sla: async () => {
      const t = await ticketsSection(deps, cohort);
      const row = (label: string, tickets: number, fr: typeof t.firstResponse, res: typeof t.resolution) => [
        label, tickets, fr.met, fr.breached, fr.open, pct(fr.compliance), res.met, res.breached, res.open, pct(res.compliance),
      ];
      return {
        columns: ['priority', 'tickets', 'first_response_met', 'first_response_breached', 'first_response_open', 'first_response_compliance_pct', 'resolution_met', 'resolution_breached', 'resolution_open', 'resolution_compliance_pct'],
        rows: [...t.byPriority.map((p) => row(p.priority, p.tickets, p.firstResponse, p.resolution)), row('ALL', t.tickets, t.firstResponse, t.resolution)],
      };
    },
    lead_sources: async () => {
      const { total, bySource } = await leadsSection(deps, cohort);
      return {
        columns: ['source', 'leads', 'contacted', 'qualified', 'won', 'lost', 'contacted_pct', 'qualified_pct', 'win_pct', 'loss_pct', 'time_to_won_median_h'],
        rows: [...bySource, { source: 'ALL', ...total }].map((r) => [
          r.source, r.leads, r.contacted, r.qualified, r.won, r.lost, pct(r.contactedRate), pct(r.qualifiedRate), pct(r.winRate), pct(r.lossRate),
          r.timeToWonMedianMs === null ? null : Math.round(r.timeToWonMedianMs / 36_000) / 100,
        ]),
      };
    },
    drill: async () => {
      const rows: Table['rows'] = [];
      let cursor: string | null = null;
      const metric = drill?.metric ?? 'conversations';
      do {
        const page = await drillDown(deps, { ...drill, metric, tenantId, timeZone, range, now, cursor, limit: 100 });
        for (const i of page.items) rows.push([i.id, i.title, i.subtitle, i.status, i.at, i.valueMs === null ? null : i.valueMs / 1000]);
        cursor = page.nextCursor;
      } while (cursor && rows.length < MAX_DRILL_ROWS);
      // Each list names its own columns: the drill rows are generic (title, subtitle, status, time).
      const columns = metric.startsWith('email_')
        ? ['email_id', 'contact', 'subject', 'status', 'sent_at', 'value_s']
        : metric.startsWith('lead_')
          ? ['contact_id', 'name', 'source', 'stage', 'created_at', 'time_to_won_s']
          : ['conversation_id', 'contact', 'phone', 'status', 'created_at', 'value_s'];
      return { columns, rows };
    },
  };
  const { columns, rows } = await build[table]();
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const name = table === 'drill' ? `drill-${drill?.metric ?? 'conversations'}` : table;
  return { filename: `${name}_${day(r.from)}_${day(r.to)}.csv`, csv: stringify(rows, { header: true, columns }) };
};
