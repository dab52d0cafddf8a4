import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { graphqlFetch, renderWithQueries } from '../../../../test/render';
import { FacetPanel } from './facet-panel';
import { SearchBox } from './search-box';

const SUGGESTIONS = [
  { kind: 'MODEL', text: 'Watercolor Botanica', ref: 'm1' },
  { kind: 'TAG', text: 'watercolor', ref: 'watercolor' },
  { kind: 'CREATOR', text: 'Maya Lin', ref: 'maya' },
];

describe('SearchBox', () => {
  let calls: ReturnType<typeof graphqlFetch>['calls'];
  beforeEach(() => {
    const served = graphqlFetch({ Suggest: () => ({ data: { suggest: SUGGESTIONS } }) });
    calls = served.calls;
    globalThis.fetch = served.fetch as unknown as typeof fetch;
  });

  it('searches for the typed text on Enter when no suggestion is chosen', async () => {
    const onSearch = jest.fn();
    renderWithQueries(<SearchBox initial="" onSearch={onSearch} onPick={jest.fn()} />);
    await userEvent.type(screen.getByRole('combobox'), '  ink wash {Enter}');
    expect(onSearch).toHaveBeenCalledWith('ink wash');
  });

  it('offers suggestions after a pause, picked with the arrow keys and Enter', async () => {
    const onPick = jest.fn();
    const onSearch = jest.fn();
    renderWithQueries(<SearchBox initial="" onSearch={onSearch} onPick={onPick} />);
    const box = screen.getByRole('combobox');
    await userEvent.type(box, 'wat');
    await screen.findByRole('option', { name: /Watercolor Botanica/ });
    expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(calls.map((c) => c.variables['prefix'])).toEqual(['wat']);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('option', { name: /#watercolor/ })).toHaveAttribute('aria-selected', 'true');
    expect(box.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: /#watercolor/ }).id);
    await userEvent.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith(SUGGESTIONS[1]);
    expect(onSearch).not.toHaveBeenCalled();
    expect(box).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes the suggestions with Escape and never asks for one letter', async () => {
    renderWithQueries(<SearchBox initial="" onSearch={jest.fn()} onPick={jest.fn()} />);
    const box = screen.getByRole('combobox');
    await userEvent.type(box, 'w');
    await new Promise((r) => setTimeout(r, 250));
    expect(calls).toEqual([]);
    await userEvent.type(box, 'a');
    await screen.findByRole('option', { name: /Maya Lin/ });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(box).toHaveAttribute('aria-expanded', 'false'));
  });
});

describe('FacetPanel', () => {
  const facets = [
    {
      facet: 'COMMERCIAL_USE',
      values: [
        { value: 'true', count: 12 },
        { value: 'false', count: 3 },
      ],
    },
    { facet: 'DERIVATIVES_ALLOWED', values: [{ value: 'false', count: 15 }] },
    { facet: 'TYPE', values: [{ value: 'LORA', count: 9 }] },
    { facet: 'TAG', values: [{ value: 'ink', count: 4 }] },
  ];

  it('shows counts, marks active choices, disables choices nothing matches, and toggles', async () => {
    const onChange = jest.fn();
    renderWithQueries(
      <FacetPanel facets={facets} search={{ commercial: true }} baseModelName={(id) => id} onChange={onChange} />,
    );
    const commercial = screen.getByRole('button', { name: /Use commercially/ });
    expect(commercial).toHaveAttribute('aria-pressed', 'true');
    expect(commercial).toHaveTextContent('12');
    expect(screen.getByRole('button', { name: /Make derivatives/ })).toBeDisabled();
    await userEvent.click(commercial);
    expect(onChange).toHaveBeenLastCalledWith({ commercial: undefined });
    await userEvent.click(screen.getByRole('button', { name: /^LoRA/ }));
    expect(onChange).toHaveBeenLastCalledWith({ type: 'LORA' });
    await userEvent.click(screen.getByRole('button', { name: 'Hide #ink' }));
    expect(onChange).toHaveBeenLastCalledWith({ not: ['ink'] });
  });

  it('finds any tag within the current search, with its count, and filters or hides it', async () => {
    const served = graphqlFetch({
      FacetValues: (variables) => ({
        data: {
          facetValues:
            variables['prefix'] === 'wat'
              ? [
                  { value: 'watercolor', count: 7 },
                  { value: 'watery', count: 1 },
                ]
              : [],
        },
      }),
    });
    globalThis.fetch = served.fetch as unknown as typeof fetch;
    const onChange = jest.fn();
    renderWithQueries(
      <FacetPanel
        facets={facets}
        search={{ q: 'botanical', commercial: true }}
        baseModelName={(id) => id}
        onChange={onChange}
      />,
    );
    expect(screen.getByRole('button', { name: /^#ink/ })).toBeInTheDocument();
    await userEvent.type(screen.getByRole('searchbox', { name: 'Find a tag' }), 'Wat');
    const found = await screen.findByRole('button', { name: /^#watercolor/ });
    expect(found).toHaveTextContent('7');
    expect(screen.queryByRole('button', { name: /^#ink/ })).not.toBeInTheDocument();
    expect(served.calls.at(-1)).toMatchObject({
      operation: 'FacetValues',
      variables: { facet: 'TAG', prefix: 'wat', query: 'botanical', filters: { commercialUse: true } },
    });
    await userEvent.click(found);
    expect(onChange).toHaveBeenLastCalledWith({ tag: 'watercolor' });
    await userEvent.click(screen.getByRole('button', { name: 'Hide #watery' }));
    expect(onChange).toHaveBeenLastCalledWith({ not: ['watery'] });
    await userEvent.clear(screen.getByRole('searchbox', { name: 'Find a tag' }));
    await userEvent.type(screen.getByRole('searchbox', { name: 'Find a tag' }), 'zz');
    expect(await screen.findByText(/No tag starts with “zz”/)).toBeInTheDocument();
  });
});
