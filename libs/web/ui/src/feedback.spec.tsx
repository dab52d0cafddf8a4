import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { BadgeTone } from './feedback';
import { Badge, EmptyState, Notice } from './feedback';

describe('EmptyState', () => {
  it('names what is empty as a heading, says what it is for, and offers the next step', async () => {
    const onPress = jest.fn();
    render(
      <EmptyState
        title="You have no licences yet"
        action={
          <button type="button" onClick={onPress}>
            Browse models
          </button>
        }
      >
        Licences you buy appear here.
      </EmptyState>,
    );
    const empty = screen.getByTestId('empty-state');
    expect(screen.getByRole('heading', { level: 2, name: 'You have no licences yet' })).toBeInTheDocument();
    expect(empty).toHaveTextContent('Licences you buy appear here.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Browse models' }));
    expect(onPress).toHaveBeenCalledTimes(1);
  });

  it('sits under a card’s heading as an h3, and needs neither text nor action', () => {
    render(<EmptyState title="No API keys yet" level={3} />);
    expect(screen.getByRole('heading', { level: 3, name: 'No API keys yet' })).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});

describe('Badge', () => {
  it.each<BadgeTone>(['neutral', 'accent', 'good', 'warn', 'bad'])('says its label in the %s tone', (tone) => {
    render(<Badge tone={tone}>Paid</Badge>);
    expect(screen.getByText('Paid')).toHaveAttribute('data-tone', tone);
  });

  it('is neutral and small unless told otherwise', () => {
    render(
      <>
        <Badge>Draft</Badge>
        <Badge size="md" tone="good">
          Signature verified
        </Badge>
      </>,
    );
    expect(screen.getByText('Draft')).toHaveAttribute('data-tone', 'neutral');
    expect(screen.getByText('Draft')).toHaveClass('text-xs');
    expect(screen.getByText('Signature verified')).toHaveClass('text-sm');
  });
});

describe('Notice', () => {
  it('announces a problem as an alert and anything else as a status', () => {
    render(
      <>
        <Notice tone="bad">The payment failed.</Notice>
        <Notice tone="good">Saved.</Notice>
      </>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The payment failed.');
    expect(screen.getByRole('status')).toHaveTextContent('Saved.');
  });
});
