import '@testing-library/jest-dom';
import { fireEvent, render, screen } from '@testing-library/react';
import { Inline, Stack } from './stack';
import { Text } from './text';

describe('Stack', () => {
  it('keeps the element it is: a list stays a list, a form submits, a section is a labelled region', () => {
    const onSubmit = jest.fn((event: { preventDefault: () => void }) => event.preventDefault());
    render(
      <>
        <Stack as="ul" aria-label="Sales">
          <li>one</li>
          <li>two</li>
        </Stack>
        <Stack as="form" aria-label="Register" onSubmit={onSubmit}>
          <button type="submit">Register</button>
        </Stack>
        <Stack as="section" aria-labelledby="h">
          <h2 id="h">Payouts</h2>
        </Stack>
      </>,
    );
    expect(screen.getByRole('list', { name: 'Sales' }).children).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Register' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('region', { name: 'Payouts' })).toBeInTheDocument();
  });

  it.each([
    [{}, ['flex', 'flex-col', 'gap-3']],
    [{ gap: 8 as const }, ['flex-col', 'gap-8']],
    [
      { direction: 'row' as const, gap: 2 as const, justify: 'between' as const },
      ['flex-wrap', 'gap-2', 'justify-between'],
    ],
    [{ align: 'end' as const }, ['items-end']],
  ])('lays out %j as %j', (props, classes) => {
    render(<Stack data-testid="stack" {...props} />);
    expect(screen.getByTestId('stack')).toHaveClass(...classes);
  });

  it('rows always wrap, and columns never do', () => {
    render(
      <>
        <Stack data-testid="column" />
        <Inline data-testid="row" />
      </>,
    );
    expect(screen.getByTestId('row')).toHaveClass('flex-wrap', 'items-center', 'gap-2');
    expect(screen.getByTestId('column')).not.toHaveClass('flex-wrap');
  });
});

describe('Text', () => {
  it('is a small muted paragraph by default, a span or block on request', () => {
    render(
      <>
        <Text>No payouts yet.</Text>
        <Text as="span" size="xs" block>
          refunded $3.00
        </Text>
        <Text tone="bad">The file could not be read.</Text>
      </>,
    );
    const hint = screen.getByText('No payouts yet.');
    expect(hint.tagName).toBe('P');
    expect(hint).toHaveClass('text-sm', 'text-muted');
    const line = screen.getByText('refunded $3.00');
    expect(line.tagName).toBe('SPAN');
    expect(line).toHaveClass('block', 'text-xs');
    expect(screen.getByText('The file could not be read.')).toHaveClass('text-bad');
  });
});
