import '@testing-library/jest-dom';
import { render, screen, within } from '@testing-library/react';
import { Section, SectionHeading } from './section';

describe('SectionHeading', () => {
  it.each([
    [undefined, 2, 'text-lg'],
    [2, 2, 'text-lg'],
    [3, 3, 'text-base'],
    [4, 4, 'text-sm'],
  ] as const)('level %s is an h%i, sized for its level', (level, expected, size) => {
    render(<SectionHeading level={level}>Payouts</SectionHeading>);
    const heading = screen.getByRole('heading', { name: 'Payouts' });
    expect(heading.tagName).toBe(`H${expected}`);
    expect(heading).toHaveClass(size, 'font-semibold');
  });

  it('may be smaller than its level (a small label heading a part of a card) and muted', () => {
    render(
      <SectionHeading level={3} size="sm" tone="muted">
        Trigger words
      </SectionHeading>,
    );
    expect(screen.getByRole('heading', { level: 3, name: 'Trigger words' })).toHaveClass('text-sm', 'text-muted');
  });

  it('leaves room under itself unless it sits in a stack, whose gap does it', () => {
    const { unmount } = render(<SectionHeading>Receipt</SectionHeading>);
    expect(screen.getByRole('heading')).toHaveClass('mb-3');
    unmount();
    render(<SectionHeading flush>Receipt</SectionHeading>);
    expect(screen.getByRole('heading')).not.toHaveClass('mb-3');
  });

  it('says what the section is for under it, and puts its actions beside it', () => {
    render(
      <SectionHeading description="For scripts and tools." actions={<button type="button">Create key</button>}>
        API keys
      </SectionHeading>,
    );
    const heading = screen.getByRole('heading', { name: 'API keys' });
    expect(heading.nextElementSibling).toHaveTextContent('For scripts and tools.');
    expect(screen.getByRole('button', { name: 'Create key' })).toBeInTheDocument();
  });

  it('passes its id and focusability through (a link or a buy bar can jump to it)', () => {
    render(
      <SectionHeading level={3} id="offers-1" tabIndex={-1}>
        Licences for v1
      </SectionHeading>,
    );
    const heading = screen.getByRole('heading', { name: 'Licences for v1' });
    expect(heading).toHaveAttribute('id', 'offers-1');
    expect(heading).toHaveAttribute('tabindex', '-1');
  });
});

describe('Section', () => {
  it('is a region named by its heading, with its content under it', () => {
    render(
      <Section title="Sales" headingId="sales" data-testid="sales">
        <p>No sales yet.</p>
      </Section>,
    );
    const region = screen.getByRole('region', { name: 'Sales' });
    expect(region.tagName).toBe('SECTION');
    expect(region).toHaveAttribute('aria-labelledby', 'sales');
    expect(within(region).getByRole('heading', { level: 2, name: 'Sales' })).toHaveAttribute('id', 'sales');
    expect(within(region).getByText('No sales yet.')).toBeInTheDocument();
    expect(screen.getByTestId('sales')).toBe(region);
  });

  it('makes up a distinct heading id per section when none is given', () => {
    render(
      <>
        <Section title="Licences">one</Section>
        <Section title="Orders" level={3}>
          two
        </Section>
      </>,
    );
    const licences = screen.getByRole('region', { name: 'Licences' });
    const orders = screen.getByRole('region', { name: 'Orders' });
    expect(licences.getAttribute('aria-labelledby')).not.toBe(orders.getAttribute('aria-labelledby'));
    expect(within(orders).getByRole('heading', { level: 3 })).toBeInTheDocument();
  });
});
