import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { parsePercent, PercentField } from './percent-field';

describe('parsePercent: entered in percent, sent in basis points', () => {
  it.each([
    ['10', 1000],
    ['12.5', 1250],
    ['12,5', 1250],
    ['0.01', 1],
    ['0', 0],
    ['100', 10_000],
    [' 7 % ', 700],
    ['33.33', 3333],
  ])('"%s" → %d bps', (text, bps) => {
    expect(parsePercent(text)).toEqual({ bps, error: null });
  });

  it.each([
    ['', 'Enter a percentage, like 10 or 12.5.'],
    ['abc', 'Enter a percentage as a number, like 10 or 12.5.'],
    ['-5', 'Enter a percentage as a number, like 10 or 12.5.'],
    ['1e3', 'Enter a percentage as a number, like 10 or 12.5.'],
    ['12.345', 'Use at most two decimals, like 12.25.'],
    ['150', 'Enter a share from 0% to 100%.'],
    ['10000', 'Enter a share from 0% to 100%.'],
  ])('"%s" is refused in percent: %s', (text, error) => {
    expect(parsePercent(text)).toEqual({ bps: null, error });
  });

  it('says the limits of a narrower range in percent, never in basis points', () => {
    expect(parsePercent('60', { maxBps: 5000 }).error).toBe('Enter a share from 0% to 50%.');
    expect(parsePercent('0', { minBps: 1, maxBps: 5000 }).error).toBe('Enter a share from 0.01% to 50%.');
    expect(parsePercent('50', { maxBps: 5000 })).toEqual({ bps: 5000, error: null });
  });
});

function Harness({ maxBps }: { maxBps?: number }) {
  const [value, setValue] = useState('10');
  return (
    <>
      <PercentField label="Share to the original" value={value} onChange={setValue} maxBps={maxBps} />
      <output data-testid="sent">{String(parsePercent(value, { maxBps }).bps)}</output>
    </>
  );
}

describe('PercentField', () => {
  it('labels the unit, shows the range and errors in percent next to the field', async () => {
    const user = userEvent.setup();
    render(<Harness maxBps={5000} />);
    const input = screen.getByLabelText('Share to the original (%)');
    expect(screen.getByText('0% to 50%')).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, '12.5');
    expect(screen.getByTestId('sent')).toHaveTextContent('1250');
    expect(input).not.toHaveAttribute('aria-invalid');
    await user.clear(input);
    await user.type(input, '75');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Enter a share from 0% to 50%.')).toBeInTheDocument();
    expect(screen.getByTestId('sent')).toHaveTextContent('null');
  });
});
