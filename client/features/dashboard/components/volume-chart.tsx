import { Area, AreaChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AnalyticsDto } from '../../../../src/contracts/dashboard.ts';

const tick = (bucket: string, hourly: boolean) => (hourly ? bucket.slice(11, 16) : bucket.slice(5));

/** Conversation and message volume over the range; AI and human replies apart. */
export function VolumeChart({ data }: { data: AnalyticsDto }) {
  const hourly = data.range.bucket === 'hour';
  return (
    <div className="chart" data-testid="volume-chart">
      <ResponsiveContainer width="100%" height={260}>
        <AreaChart data={data.volume} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#eef0f3" vertical={false} />
          <XAxis dataKey="bucket" tickFormatter={(b: string) => tick(b, hourly)} tick={{ fontSize: 12, fill: '#6b7280' }} minTickGap={24} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#6b7280' }} width={48} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Area type="linear" dataKey="inbound" name="Customer messages" stroke="#64748b" fill="#64748b" fillOpacity={0.12} />
          <Area type="linear" dataKey="aiReplies" name="AI replies" stroke="#4f46e5" fill="#4f46e5" fillOpacity={0.15} />
          <Area type="linear" dataKey="humanReplies" name="Human replies" stroke="#16a34a" fill="#16a34a" fillOpacity={0.15} />
          <Area type="linear" dataKey="conversations" name="New conversations" stroke="#f59e0b" fill="#f59e0b" fillOpacity={0.1} />
        </AreaChart>
      </ResponsiveContainer>
    </div>
  );
}
