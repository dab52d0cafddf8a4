import { Card, Money } from '@lookbook/web-ui';

export function BalanceCard({ label, amount, currency }: { label: string; amount: number; currency: string }) {
  return (
    <Card className="flex flex-col gap-1">
      <p className="text-xs font-medium tracking-wide text-muted uppercase">{label}</p>
      <p>
        <Money amount={amount} currency={currency} size="2xl" weight="semibold" data-testid="balance" />
      </p>
    </Card>
  );
}
