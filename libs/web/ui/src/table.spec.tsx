import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import { Table, TableBody, TableHead, TableRow, Td, Th } from './table';

function Orders({ captionHidden }: { captionHidden?: boolean }) {
  return (
    <Table caption="Your orders" captionHidden={captionHidden} minWidth="36rem">
      <TableHead>
        <TableRow>
          <Th>Item</Th>
          <Th>Amount</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </TableRow>
      </TableHead>
      <TableBody>
        {[
          ['Harbour lights', '$12.00'],
          ['Salt marsh', '$4.00'],
        ].map(([item, amount]) => (
          <TableRow key={item} data-testid="order-row">
            <Td strong>{item}</Td>
            <Td align="end">{amount}</Td>
            <Td>
              <button type="button">Receipt</button>
            </Td>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

describe('Table', () => {
  it('is named by its caption, shown or for screen readers only', () => {
    const { unmount } = render(<Orders />);
    expect(screen.getByRole('table', { name: 'Your orders' })).toBeInTheDocument();
    expect(screen.getByText('Your orders')).not.toHaveClass('sr-only');
    unmount();
    render(<Orders captionHidden />);
    expect(screen.getByRole('table', { name: 'Your orders' })).toBeInTheDocument();
    expect(screen.getByText('Your orders')).toHaveClass('sr-only');
  });

  it('heads its columns: each cell is announced with its column header', () => {
    render(<Orders />);
    const headers = screen.getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Item', 'Amount', 'Actions']);
    for (const header of headers) expect(header).toHaveAttribute('scope', 'col');
    const rows = screen.getAllByTestId('order-row');
    expect(rows).toHaveLength(2);
    expect(
      within(rows[1]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Salt marsh', '$4.00', 'Receipt']);
    expect(within(rows[1]!).getByRole('button', { name: 'Receipt' })).toBeInTheDocument();
  });

  it('keeps its width on a phone (it scrolls inside its region instead)', () => {
    render(<Orders />);
    expect(screen.getByRole('table')).toHaveStyle({ minWidth: '36rem' });
  });

  it('lays out a sum as rows headed by their label, figures on the right, terms run together', () => {
    render(
      <Table caption="How the price was split" captionHidden density="compact">
        <TableBody numeric>
          <TableRow divider={false}>
            <Th>Price</Th>
            <Td align="end">$10.00</Td>
          </TableRow>
          <TableRow divider={false}>
            <Th>Platform fee</Th>
            <Td align="end">−$1.00</Td>
          </TableRow>
          <TableRow>
            <Th tone="inherit">Seller @ada (100%)</Th>
            <Td align="end" strong>
              $9.00
            </Td>
          </TableRow>
          <TableRow>
            <Th tone="bad">Refunded</Th>
            <Td align="end" tone="bad">
              $9.00
            </Td>
          </TableRow>
        </TableBody>
      </Table>,
    );
    const table = screen.getByRole('table', { name: 'How the price was split' });
    expect(within(table).queryAllByRole('columnheader')).toHaveLength(0);
    const price = screen.getByRole('rowheader', { name: 'Price' });
    expect(price).toHaveAttribute('scope', 'row');
    expect(price).toHaveClass('text-muted', 'font-normal', 'py-1');
    expect(screen.getByRole('rowheader', { name: 'Seller @ada (100%)' })).not.toHaveClass('text-muted');
    expect(screen.getByRole('rowheader', { name: 'Refunded' })).toHaveClass('text-bad');
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.classList.contains('border-t'))).toEqual([false, false, true, true]);
    const figures = within(table).getAllByRole('cell');
    for (const cell of figures) expect(cell).toHaveClass('text-right');
    expect(figures[2]).toHaveClass('font-medium');
  });
});
