import type { ContactSource } from '../../../../src/contracts/contact.ts';
import type { DrillMetric } from '../../../../src/contracts/dashboard.ts';
import { Panel } from '../../../components/panel.tsx';
import { EmptyState } from '../../../components/states.tsx';
import { formatCount, formatDuration, formatPercent } from '../api/format-metric.ts';
import type { AnalyticsPanelProps } from './analytics-panels.tsx';
import { CsvButton } from './csv-button.tsx';
import { MetricButton } from './metric-button.tsx';

const SOURCE_LABEL: Record<ContactSource, string> = { WHATSAPP: 'WhatsApp', WEB_FORM: 'Web form', EMAIL: 'Email', MANUAL: 'Manual', IMPORT: 'Import' };

/** Emails sent in the range, down the funnel; every count opens its emails. */
export function EmailFunnelPanel({ data, range, drill }: AnalyticsPanelProps) {
  const f = data.email.funnel;
  const steps: Array<[string, number, string | null, DrillMetric, string]> = [
    ['Sent', f.sent, null, 'email_sent', 'sent'],
    ['Delivered', f.delivered, `${formatPercent(f.deliveredRate)} of sent`, 'email_delivered', 'delivered'],
    ['Opened', f.opened, `${formatPercent(f.openRate)} of delivered`, 'email_opened', 'opened'],
    ['Clicked', f.clicked, `${formatPercent(f.clickRate)} of opened`, 'email_clicked', 'clicked'],
  ];
  const side: Array<[string, number, string | null, DrillMetric, string]> = [
    ['Bounced', f.bounced, `${formatPercent(f.bounceRate)} of sent`, 'email_bounced', 'bounced'],
    ['Dropped', f.dropped, null, 'email_dropped', 'dropped'],
    ['Spam reports', f.spam, null, 'email_spam', 'spam'],
    ['Unsubscribes', f.unsubscribed, null, 'email_unsubscribed', 'unsubscribed'],
  ];
  const row = ([label, value, detail, metric, key]: (typeof steps)[number]) => (
    <div key={key} className="today-row">
      <dt>
        {label} {detail ? <span className="text-subtle">· {detail}</span> : null}
      </dt>
      <dd>
        <MetricButton label={`Emails ${label.toLowerCase()}`} onOpen={() => drill({ metric, label: `Emails · ${label.toLowerCase()}` })} testId={`an-email-${key}`}>
          {formatCount(value)}
        </MetricButton>
      </dd>
    </div>
  );
  return (
    <Panel title="Email funnel" description="Emails sent in this range: sent → delivered → opened → clicked" flush actions={<CsvButton input={{ table: 'email_funnel', range }} />}>
      {f.sent === 0 ? (
        <EmptyState title="No emails sent in this range" />
      ) : (
        <dl className="today-list" data-testid="an-email-funnel">
          {steps.map(row)}
          {side.map(row)}
        </dl>
      )}
    </Panel>
  );
}

export function EmailSendersTable({ data, range, drill }: AnalyticsPanelProps) {
  const senders = data.email.senders;
  return (
    <Panel title="Email by sender" description="Delivered over sent, opens and clicks over delivered, bounces over sent" flush actions={<CsvButton input={{ table: 'email_senders', range }} />}>
      {senders.length === 0 ? (
        <EmptyState title="No emails sent in this range" />
      ) : (
        <div className="table-scroll">
          <table className="table table-dense" data-testid="an-email-senders">
            <thead>
              <tr>
                <th>Sender</th>
                <th className="num">Sent</th>
                <th className="num">Delivered</th>
                <th className="num">Open</th>
                <th className="num">Click</th>
                <th className="num">Bounce</th>
              </tr>
            </thead>
            <tbody>
              {senders.map((s) => {
                const userId = s.senderUserId ?? undefined;
                const open = (metric: DrillMetric, what: string) => (userId ? () => drill({ metric, userId, label: `${s.name} · ${what}` }) : undefined);
                return (
                  <tr key={s.senderUserId ?? 'none'}>
                    <td>{s.name}</td>
                    <td className="num">
                      <MetricButton label={`${s.name}: sent`} onOpen={open('email_sent', 'sent')}>{formatCount(s.sent)}</MetricButton>
                    </td>
                    <td className="num">
                      <MetricButton label={`${s.name}: delivered`} onOpen={open('email_delivered', 'delivered')}>{formatPercent(s.deliveredRate)}</MetricButton>
                    </td>
                    <td className="num">
                      <MetricButton label={`${s.name}: opened`} onOpen={open('email_opened', 'opened')}>{formatPercent(s.openRate)}</MetricButton>
                    </td>
                    <td className="num">
                      <MetricButton label={`${s.name}: clicked`} onOpen={open('email_clicked', 'clicked')}>{formatPercent(s.clickRate)}</MetricButton>
                    </td>
                    <td className="num">
                      <MetricButton label={`${s.name}: bounced`} onOpen={open('email_bounced', 'bounced')}>{formatPercent(s.bounceRate)}</MetricButton>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

/** Leads created in the range, how far they got, by source; every count opens its contacts. */
export function LeadPipelinePanel({ data, range, drill }: AnalyticsPanelProps) {
  const { total, bySource } = data.leads;
  const rows = [...bySource.map((r) => ({ ...r, key: r.source as ContactSource | 'ALL' })), { ...total, key: 'ALL' as const }];
  const cell = (key: ContactSource | 'ALL', metric: DrillMetric, value: number, what: string) => {
    const name = key === 'ALL' ? 'All sources' : SOURCE_LABEL[key];
    return (
      <MetricButton label={`${name}: ${what}`} onOpen={value > 0 ? () => drill({ metric, ...(key === 'ALL' ? {} : { source: key }), label: `Leads · ${name} · ${what}` }) : undefined} testId={`an-lead-${key}-${what}`}>
        {formatCount(value)}
      </MetricButton>
    );
  };
  return (
    <Panel title="Lead pipeline by source" description="Leads created in this range and the furthest stage they reached" flush actions={<CsvButton input={{ table: 'lead_sources', range }} />}>
      {total.leads === 0 ? (
        <EmptyState title="No leads created in this range" />
      ) : (
        <div className="table-scroll">
          <table className="table table-dense" data-testid="an-lead-sources">
            <thead>
              <tr>
                <th>Source</th>
                <th className="num">Leads</th>
                <th className="num">Contacted</th>
                <th className="num">Qualified</th>
                <th className="num">Won</th>
                <th className="num">Lost</th>
                <th className="num">Win rate</th>
                <th className="num">Time to won</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className={r.key === 'ALL' ? 'table-total' : undefined}>
                  <td>{r.key === 'ALL' ? 'All sources' : SOURCE_LABEL[r.key]}</td>
                  <td className="num">{cell(r.key, 'lead_created', r.leads, 'created')}</td>
                  <td className="num" title={formatPercent(r.contactedRate)}>{cell(r.key, 'lead_contacted', r.contacted, 'contacted')}</td>
                  <td className="num" title={formatPercent(r.qualifiedRate)}>{cell(r.key, 'lead_qualified', r.qualified, 'qualified')}</td>
                  <td className="num">{cell(r.key, 'lead_won', r.won, 'won')}</td>
                  <td className="num" title={formatPercent(r.lossRate)}>{cell(r.key, 'lead_lost', r.lost, 'lost')}</td>
                  <td className="num">{formatPercent(r.winRate)}</td>
                  <td className="num">{formatDuration(r.timeToWonMedianMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
