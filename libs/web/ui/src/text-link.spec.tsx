import '@testing-library/jest-dom';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
} from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ButtonAnchor, ButtonLink, TextAnchor, TextButton, TextLink } from './text-link';

/** A two-page app in memory: the links under test on `/`, a model page that says which model it shows. */
async function renderRouted(links: ReactNode) {
  const root = createRootRoute({ component: Outlet });
  const home = createRoute({ getParentRoute: () => root, path: '/', component: () => <>{links}</> });
  const model = createRoute({
    getParentRoute: () => root,
    path: '/models/$id',
    component: function Model() {
      const { id } = model.useParams();
      return <h1>Model {id}</h1>;
    },
  });
  const library = createRoute({ getParentRoute: () => root, path: '/library', component: () => <h1>Library</h1> });
  const history = createMemoryHistory({ initialEntries: ['/'] });
  const router = createRouter({ routeTree: root.addChildren([home, model, library]), history });
  await act(() => router.load());
  render(<RouterProvider router={router} />);
  return { history, user: userEvent.setup() };
}

// jsdom has no scrolling; the router restores scroll positions after each navigation.
beforeAll(() => {
  window.scrollTo = jest.fn() as never;
});

describe('TextLink', () => {
  it('is a link to the page, with its path and params in the href, and navigates without reloading', async () => {
    const { history, user } = await renderRouted(
      <p>
        by{' '}
        <TextLink to="/models/$id" params={{ id: 'abc-123' }}>
          Harbour lights
        </TextLink>
      </p>,
    );
    const link = await screen.findByRole('link', { name: 'Harbour lights' });
    expect(link).toHaveAttribute('href', '/models/abc-123');
    await user.click(link);
    expect(await screen.findByRole('heading', { name: 'Model abc-123' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/models/abc-123');
  });

  it.each([
    ['accent', /text-accent/, /underline/],
    ['plain', /underline/, /^(?!.*text-accent)/],
    ['quiet', /hover:underline/, /^(?!.*text-accent)/],
  ] as const)('the %s variant keeps its look and adds the page’s classes', async (variant, has, also) => {
    await renderRouted(
      <TextLink to="/library" variant={variant} strong className="extra">
        Library
      </TextLink>,
    );
    const link = await screen.findByRole('link', { name: 'Library' });
    expect(link.className).toMatch(has);
    expect(link.className).toMatch(also);
    expect(link).toHaveClass('font-medium', 'extra');
  });

  it('marks the link to the current page as active, for the screen reader and the style', async () => {
    await renderRouted(<TextLink to="/">Home</TextLink>);
    const link = await screen.findByRole('link', { name: 'Home' });
    expect(link).toHaveAttribute('aria-current', 'page');
    expect(link).toHaveAttribute('data-status', 'active');
  });
});

describe('ButtonLink', () => {
  it('looks like a button and stays a link to the page', async () => {
    const { history, user } = await renderRouted(
      <ButtonLink to="/library" variant="secondary" size="sm">
        Receipt
      </ButtonLink>,
    );
    const link = await screen.findByRole('link', { name: 'Receipt' });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(link).toHaveClass('border-line', 'h-8');
    await user.click(link);
    expect(await screen.findByRole('heading', { name: 'Library' })).toBeInTheDocument();
    expect(history.location.pathname).toBe('/library');
  });
});

describe('TextAnchor and ButtonAnchor', () => {
  it('are plain links for documents and other sites, keeping target and rel', () => {
    render(
      <>
        <TextAnchor href="https://example.test/licence" target="_blank" rel="noopener noreferrer">
          FLUX.1 licence
        </TextAnchor>
        <ButtonAnchor href="/.well-known/jwks.json" variant="quiet" size="sm">
          Public keys
        </ButtonAnchor>
      </>,
    );
    const licence = screen.getByRole('link', { name: 'FLUX.1 licence' });
    expect(licence).toHaveAttribute('href', 'https://example.test/licence');
    expect(licence).toHaveAttribute('target', '_blank');
    expect(licence).toHaveAttribute('rel', 'noopener noreferrer');
    expect(licence).toHaveClass('text-accent');
    expect(screen.getByRole('link', { name: 'Public keys' })).toHaveAttribute('href', '/.well-known/jwks.json');
  });
});

describe('TextButton', () => {
  it('is a button that acts, in the look of a link, and never submits the form around it', async () => {
    const onSubmit = jest.fn((event: { preventDefault: () => void }) => event.preventDefault());
    const onClick = jest.fn();
    render(
      <form onSubmit={onSubmit}>
        Did you mean{' '}
        <TextButton onClick={onClick} className="extra">
          harbour
        </TextButton>
        ?
      </form>,
    );
    const button = screen.getByRole('button', { name: 'harbour' });
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(button).toHaveAttribute('type', 'button');
    expect(button).toHaveClass('text-accent', 'underline', 'extra');
    await userEvent.setup().click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it.each([
    ['plain', /underline/, /text-accent/],
    ['quiet', /hover:underline/, /text-accent/],
  ] as const)('the %s variant takes the colour around it', (variant, has, hasNot) => {
    render(<TextButton variant={variant}>Retry</TextButton>);
    const button = screen.getByRole('button', { name: 'Retry' });
    expect(button.className).toMatch(has);
    expect(button.className).not.toMatch(hasNot);
  });

  it('submits when asked to', async () => {
    const onSubmit = jest.fn((event: { preventDefault: () => void }) => event.preventDefault());
    render(
      <form onSubmit={onSubmit}>
        <TextButton type="submit">Send</TextButton>
      </form>,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Send' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});
