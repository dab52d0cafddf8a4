import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { Money } from './money';

const shown = (amount: number, currency: string) => {
  const { unmount } = render(<Money amount={amount} currency={currency} data-testid="money" />);
  const element = screen.getByTestId('money');
  const result = { text: element.textContent, value: element.getAttribute('value') };
  unmount();
  return result;
};

describe('Money', () => {
  it.each([
    [2900, 'USD', '$29.00', '29.00 USD'],
    [5, 'EUR', '€0.05', '0.05 EUR'],
    [123456789, 'GBP', '£1,234,567.89', '1234567.89 GBP'],
    // No minor unit: 500 yen is ¥500, never ¥5.00.
    [500, 'JPY', '¥500', '500 JPY'],
    [1200000, 'KRW', '₩1,200,000', '1200000 KRW'],
    // Three decimals: 1234 fils are 1.234 dinars.
    [1234, 'KWD', 'KWD\u00a01.234', '1.234 KWD'],
    [200, 'BHD', 'BHD\u00a00.200', '0.200 BHD'],
    [0, 'USD', '$0.00', '0.00 USD'],
  ])('%i minor units of %s read %s (value %s)', (amount, currency, text, value) => {
    expect(shown(amount, currency)).toEqual({ text, value });
  });

  it('is exact beyond the precision of a float of major units', () => {
    // 2^53 - 1 cents: dividing by 100 as a float would round the last digits.
    expect(shown(Number.MAX_SAFE_INTEGER, 'USD').value).toBe('90071992547409.91 USD');
    expect(shown(Number.MAX_SAFE_INTEGER, 'USD').text).toBe('$90,071,992,547,409.91');
  });

  it('shows a negative amount (a refund, a reversal) with its sign', () => {
    expect(shown(-1250, 'EUR')).toEqual({ text: '-€12.50', value: '-12.50 EUR' });
  });

  it('a currency Lookbook does not sell in still shows its amount and code, with two decimals', () => {
    expect(shown(1234, 'XTS').text).toMatch(/12\.34/);
    expect(shown(1234, 'XTS').text).toMatch(/XTS/);
  });

  it('never breaks between symbol and figure, lines figures up, and takes its tone and weight', () => {
    render(<Money amount={100} currency="USD" tone="bad" weight="semibold" size="2xl" data-testid="money" />);
    expect(screen.getByTestId('money')).toHaveClass(
      'whitespace-nowrap',
      'tabular-nums',
      'text-bad',
      'font-semibold',
      'text-2xl',
    );
  });
});
