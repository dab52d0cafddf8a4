import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../../lib/format';

export interface EarningsSeries {
  currency: string;
  total: number;
  /** Every day of the window, oldest first (zero where nothing sold), YYYY-MM-DD in UTC. */
  days: readonly { day: string; amount: number }[];
}

const dayLabel = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString('en', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** About `most` evenly spaced days to label (never one label per sale): the series has every day, so spacing is time. */
export function dayTicks(days: readonly string[], most = 6): string[] {
  const step = Math.max(1, Math.ceil(days.length / most));
  return days.filter((_, i) => (days.length - 1 - i) % step === 0);
}

/**
 * The viewer's own earnings per day — their share of each sale, not the price and not the other parties' splits — as
 * bars on a real time axis: every day of the window has its place, days without sales stay empty.
 */
export default function SalesChart({ series }: { series: EarningsSeries }) {
  const { currency } = series;
  // One bar slot per calendar day (the API fills days without sales with zero), so the axis is real time: a week
  // without sales is a week of empty slots, not two neighbouring bars.
  const data = series.days.map((d) => ({ day: d.day, amount: d.amount }));
  const from = data[0]?.day ?? '';
  const to = data.at(-1)?.day ?? '';
  const withSales = data.filter((d) => d.amount !== 0).length;
  return (
    <div
      className="h-64 w-full"
      role="img"
      data-testid="earnings-chart"
      data-days={data.length}
      aria-label={`Your share of sales per day in ${currency}, ${from && dayLabel(from)} to ${to && dayLabel(to)}: ${formatMoney(series.total, currency)} over ${withSales} day${withSales === 1 ? '' : 's'} with sales`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap={1}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-line)" vertical={false} />
          <XAxis
            dataKey="day"
            ticks={dayTicks(data.map((d) => d.day))}
            interval={0}
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
            labelFormatter={(day) => (typeof day === 'string' ? dayLabel(day) : '')}
            formatter={(v) => [formatMoney(Number(v), currency), 'Your share']}
            contentStyle={{ background: 'var(--color-surface)', border: '1px solid var(--color-line)' }}
          />
          <Legend verticalAlign="top" height={24} wrapperStyle={{ fontSize: 12 }} />
          <Bar
            dataKey="amount"
            name={`Your share (${currency})`}
            fill="var(--color-accent)"
            radius={[2, 2, 0, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
