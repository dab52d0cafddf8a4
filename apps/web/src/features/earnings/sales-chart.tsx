import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../lib/format';

export interface ChartSale {
  paidAt: string;
  currency: string;
  splits: readonly { amount: number; role: string }[];
}

/** Daily earnings (the seller's splits) in the main currency, as bars. */
export default function SalesChart({ sales }: { sales: readonly ChartSale[] }) {
  const currency = sales[0]?.currency ?? 'USD';
  const byDay = new Map<string, number>();
  for (const sale of sales) {
    if (sale.currency !== currency) continue;
    const day = sale.paidAt.slice(0, 10);
    byDay.set(day, (byDay.get(day) ?? 0) + sale.splits.reduce((sum, s) => sum + s.amount, 0));
  }
  const data = [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, amount]) => ({ day, amount }));
  return (
    <div
      className="h-64 w-full"
      role="img"
      aria-label={`Earnings per day in ${currency}, ${data.length} days with sales`}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-line)" />
          <XAxis dataKey="day" stroke="var(--color-muted)" fontSize={12} />
          <YAxis
            stroke="var(--color-muted)"
            fontSize={12}
            tickFormatter={(v: number) => formatMoney(v, currency)}
            width={80}
          />
          <Tooltip
            formatter={(v) => formatMoney(Number(v), currency)}
            contentStyle={{ background: 'var(--color-surface)', border: '1px solid var(--color-line)' }}
          />
          <Bar dataKey="amount" fill="var(--color-accent)" radius={[4, 4, 0, 0]} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
