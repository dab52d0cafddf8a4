import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import { RuledList, RuledListItem } from './ruled-list';

describe('RuledList', () => {
  it('is a list of its records, named, each a list item with its own content and actions', () => {
    render(
      <RuledList aria-label="Where you are signed in">
        <RuledListItem data-testid="session">
          Firefox on a laptop <button type="button">Sign out this device</button>
        </RuledListItem>
        <RuledListItem data-testid="session">Safari on a phone</RuledListItem>
      </RuledList>,
    );
    const list = screen.getByRole('list', { name: 'Where you are signed in' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(screen.getAllByTestId('session')).toEqual(items);
    expect(within(items[0]!).getByRole('button', { name: 'Sign out this device' })).toBeInTheDocument();
  });

  it('rules between records; framed, it is a panel of its own and its records get room inside it', () => {
    const { unmount } = render(
      <RuledList>
        <RuledListItem>one</RuledListItem>
      </RuledList>,
    );
    expect(screen.getByRole('list')).toHaveClass('divide-y');
    expect(screen.getByRole('list')).not.toHaveClass('border');
    expect(screen.getByRole('listitem')).toHaveClass('py-3');
    unmount();
    render(
      <RuledList framed>
        <RuledListItem>one</RuledListItem>
      </RuledList>,
    );
    expect(screen.getByRole('list')).toHaveClass('divide-y', 'border', 'rounded-card');
    expect(screen.getByRole('listitem')).toHaveClass('p-4');
  });
});
