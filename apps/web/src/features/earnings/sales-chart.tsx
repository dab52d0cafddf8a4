import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../lib/format';

export interface EarningsSeries {
  currency: string;
  total: number;
  /** Every day of the window, oldest first (zero where nothing sold), YYYY-MM-DD in UTC. */
  days: readonly { day: string; amount: number }[];
}

const DAY_MS = 86_400_000;
const dayLabel = (t: number) =>
  new Date(t).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** Ticks on whole days, about one a week, so dates sit where their time is (never one tick per sale). */
export function dayTicks(from: number, to: number, most = 6): number[] {
  const days = Math.round((to - from) / DAY_MS) + 1;
  const step = Math.max(1, Math.ceil(days / most));
  return Array.from({ length: Math.ceil(days / step) }, (_, i) => from + i * step * DAY_MS);
}

/**
 * The viewer's own earnings per day — their share of each sale, not the price and not the other parties' splits — as
 * bars on a real time axis: every day of the window has its place, days without sales stay empty.
 */
export default function SalesChart({ series }: { series: EarningsSeries }) {
  const { currency } = series;
  const data = series.days.map((d) => ({ t: Date.parse(`${d.day}T00:00:00Z`), amount: d.amount }));
  const from = data[0]?.t ?? 0;
  const to = data.at(-1)?.t ?? 0;
  const withSales = data.filter((d) => d.amount !== 0).length;
  return (
    <div
      className="h-64 w-full"
      role="img"
      data-testid="earnings-chart"
      data-days={data.length}
      aria-label={`Your share of sales per day in ${currency}, ${dayLabel(from)} to ${dayLabel(to)}: ${formatMoney(series.total, currency)} over ${withSales} day${withSales === 1 ? '' : 's'} with sales`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-line)" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[from - DAY_MS / 2, to + DAY_MS / 2]}
            ticks={dayTicks(from, to)}
            tickFormatter={dayLabel}
            stroke="var(--color-muted)"
            fontSize={12}
          />
          <YAxis
            stroke="var(--color-muted)"
            fontSize={12}
            tickFormatter={(v: number) => formatMoney(v, currency)}
            width={72}
          />
          <Tooltip
            labelFormatter={(t) => dayLabel(Number(t))}
            formatter={(v) => [formatMoney(Number(v), currency), 'Your share']}
            contentStyle={{ background: 'var(--color-surface)', border: '1px solid var(--color-line)' }}
          />
          <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 12 }} />
          <Bar
            dataKey="amount"
            name={`Your share (${currency})`}
            fill="var(--color-accent)"
            radius={[3, 3, 0, 0]}
            minPointSize={0}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
