import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { graphqlFetch, renderWithQueries } from '../../../test/render';
import { newOffer, OffersEditor } from './offers-editor';

const VERSION = '0190a5b0-0000-7000-8000-000000000001';

function setup(answer: (variables: Record<string, unknown>) => unknown = () => ({ data: { setLicenseOffers: [] } })) {
  const api = graphqlFetch({ SetOffers: answer });
  global.fetch = api.fetch as unknown as typeof fetch;
  const onSaved = jest.fn();
  renderWithQueries(
    <OffersEditor
      versionId={VERSION}
      modelName="Harbour Lights"
      versionName="v1"
      initial={[newOffer('FREE'), newOffer('COMMERCIAL')]}
      editable
      onSaved={onSaved}
    />,
  );
  return { ...api, onSaved, user: userEvent.setup() };
}

describe('OffersEditor', () => {
  it('previews the exact licence text as the terms change', async () => {
    const { user } = setup();
    const commercial = screen.getByTestId('offer-COMMERCIAL');
    await user.click(within(commercial).getByRole('button', { name: 'Preview terms' }));
    const preview = screen.getByTestId('terms-preview');
    // Credit is required and no line is given yet: no licence text until the offer is valid.
    expect(preview).toHaveTextContent('Fix the errors above to see the licence text.');
    await user.type(within(commercial).getByLabelText('Credit line'), 'Art by Ada');
    expect(preview).toHaveTextContent('Lookbook Commercial Licence');
    expect(preview).toHaveTextContent('Licensed work: “Harbour Lights — v1”');
    expect(preview).toHaveTextContent('You must credit the creator as: “Art by Ada”');
  });

  it('shows a bad price next to its field and will not save until it is fixed', async () => {
    const { user, calls } = setup();
    const commercial = screen.getByTestId('offer-COMMERCIAL');
    const price = within(commercial).getByLabelText('Price');
    await user.clear(price);
    await user.type(price, 'twelve');
    expect(within(commercial).getByText('Enter a price like 12.50')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Save offers' })).toBeDisabled();
    await user.clear(price);
    await user.type(price, '0.10');
    // The shared rule the API applies: below the provider's minimum charge.
    expect(within(commercial).getByText(/The smallest price in USD is \$0\.50/)).toBeVisible();
    expect(calls).toHaveLength(0);
  });

  it('puts a permission that breaks its tier on that field (credit line required, and seats a whole number)', async () => {
    const { user } = setup();
    const commercial = screen.getByTestId('offer-COMMERCIAL');
    // COMMERCIAL starts with credit required and no line yet.
    expect(within(commercial).getByText('A credit line is needed when credit is required')).toBeVisible();
    await user.type(within(commercial).getByLabelText('Credit line'), 'Ada');
    await user.clear(within(commercial).getByLabelText('Seats'));
    await user.type(within(commercial).getByLabelText('Seats'), '2.5');
    expect(within(commercial).getByText('seats must be a positive whole number')).toBeVisible();
  });

  it('saves minor units and shows a compatibility error from the API on the offer it is about', async () => {
    const { user, calls, onSaved } = setup(() => ({
      errors: [
        {
          message: 'The base model does not allow commercial use, so no commercial tier can be offered',
          extensions: { code: 'NON_COMMERCIAL_BASE_MODEL', rule: 'NON_COMMERCIAL_BASE_MODEL', tier: 'COMMERCIAL' },
        },
      ],
    }));
    const commercial = screen.getByTestId('offer-COMMERCIAL');
    await user.type(within(commercial).getByLabelText('Credit line'), 'Ada');
    const price = within(commercial).getByLabelText('Price');
    await user.clear(price);
    await user.type(price, '12.50');
    await user.click(screen.getByRole('button', { name: 'Save offers' }));
    await waitFor(() =>
      expect(within(commercial).getByRole('alert')).toHaveTextContent(/does not allow commercial use/),
    );
    expect(calls).toHaveLength(1);
    const offers = calls[0]!.variables['offers'] as { tier: string; priceAmount: number; priceCurrency: string }[];
    expect(offers.map((o) => [o.tier, o.priceAmount, o.priceCurrency])).toEqual([
      ['FREE', 0, 'USD'],
      ['COMMERCIAL', 1250, 'USD'],
    ]);
    expect(onSaved).not.toHaveBeenCalled();
  });
});
