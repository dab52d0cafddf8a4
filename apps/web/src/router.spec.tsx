import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { graphqlFetch } from '../test/render';
import { sessionStore } from './lib/session-store';
import { createAppRouter } from './router';

const TEMPLATE = '0190a5b0-0000-7000-8000-00000000000a';
const ME = {
  id: 'u1',
  handle: 'ada',
  displayName: 'Ada',
  email: 'ada@example.com',
  roles: [],
  maxMaturity: 'SUGGESTIVE',
  createdAt: '2026-01-01T00:00:00Z',
};

type Answers = Parameters<typeof graphqlFetch>[0];

/** The whole app at an address, over a query cache of its own (no retries: a failure shows at once). */
function renderApp(path: string, answers: Answers) {
  const { fetch, calls } = graphqlFetch(answers);
  global.fetch = fetch as unknown as typeof global.fetch;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createAppRouter(client, createMemoryHistory({ initialEntries: [path] }));
  render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  const asked = (operation: string) => calls.filter((call) => call.operation === operation).length;
  return { asked };
}

const failure = (code: string, message: string) => ({ data: null, errors: [{ message, extensions: { code } }] });

const earnings = {
  myEarnings: [],
  myEarningsByDay: [],
  myPayoutAccount: { status: 'NOT_STARTED', payoutsEnabled: false, requirementsDue: [], payoutFailureCode: null },
  mySales: { nodes: [] },
  myPayouts: { nodes: [] },
};

const template = (name: string) => ({
  template: {
    id: TEMPLATE,
    ownerId: 'someone-else',
    owner: { id: 'o1', handle: 'grace', displayName: 'Grace' },
    name,
    description: '',
    tags: [],
    status: 'PUBLISHED',
    ipId: null,
    terms: null,
    versions: [],
  },
  templateLineage: { ancestors: [], descendants: [] },
});

const profile = {
  user: { id: 'u2', createdAt: '2026-01-01T00:00:00Z' },
  profile: {
    id: 'u2',
    handle: 'grace',
    displayName: 'Grace Hopper',
    bio: '',
    links: [],
    avatar: null,
    cover: null,
    showLicensesSold: false,
    isViewer: false,
    viewerFollows: false,
    viewerBlocked: false,
    stats: { followers: 0, following: 0, models: 0, templates: 0, downloads: 0, likesReceived: 0, licensesSold: null },
  },
};
const noResults = {
  search: {
    total: 0,
    hasNextPage: false,
    endCursor: null,
    didYouMean: null,
    droppedWords: [],
    hashMatch: false,
    maturity: ['SFW', 'SUGGESTIVE'],
    hits: [],
    facets: [],
    creators: [],
  },
};

const signIn = () =>
  sessionStore.set({ accessToken: 'access', accessTokenExpiresAt: '2999-01-01T00:00:00Z', refreshToken: 'refresh' });

beforeEach(() => {
  // jsdom has no scrolling; the router restores scroll positions.
  window.scrollTo = jest.fn();
  // React and the router report each error their boundaries catch: expected here.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  sessionStore.set(null);
  jest.restoreAllMocks();
});

describe('routes own their data', () => {
  it('a page renders with what its loader asked for, and asks for nothing again', async () => {
    const { asked } = renderApp('/u/grace', {
      Profile: () => ({ data: profile }),
      Browse: () => ({ data: noResults }),
    });
    expect(await screen.findByRole('heading', { name: 'Grace Hopper', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Grace Hopper has no published models yet')).toBeInTheDocument();
    // One request per query: the loader's; the page read the cache. A visitor's session is not asked for.
    expect([asked('Profile'), asked('Browse'), asked('Me')]).toEqual([1, 1, 0]);
  });

  it('a signed-in page waits for who is signed in and its own data, each asked once', async () => {
    signIn();
    const { asked } = renderApp('/earnings', {
      Me: () => ({ data: { me: ME } }),
      Earnings: () => ({ data: earnings }),
    });
    expect(await screen.findByRole('heading', { name: 'Earnings', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('No earnings yet')).toBeInTheDocument();
    expect([asked('Me'), asked('Earnings')]).toEqual([1, 1]);
  });

  it('shows the pending component while the loader waits, then the page', async () => {
    let answer: (value: unknown) => void = () => undefined;
    renderApp(`/templates/${TEMPLATE}`, {
      TemplatePage: () => new Promise((resolve) => (answer = resolve)),
    });
    // The template route's own pending state, after the router's short delay.
    expect(await screen.findByText('Loading the template')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Neon workflow' })).not.toBeInTheDocument();
    answer({ data: template('Neon workflow') });
    expect(await screen.findByRole('heading', { name: 'Neon workflow' })).toBeInTheDocument();
    expect(screen.queryByText('Loading the template')).not.toBeInTheDocument();
  });

  it('a query that fails shows the error component; its retry loads the page again', async () => {
    signIn();
    const answers = [failure('INTERNAL_SERVER_ERROR', 'boom'), { data: earnings }];
    const { asked } = renderApp('/earnings', {
      Me: () => ({ data: { me: ME } }),
      Earnings: () => answers.shift(),
    });
    const alert = await screen.findByRole('alert');
    // The sentence for people, not the server's word.
    expect(alert).toHaveTextContent('Something went wrong on our side. Try again in a moment.');
    expect(alert).not.toHaveTextContent('boom');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Earnings', level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(asked('Earnings')).toBe(2);
  });

  it.each([
    ['FORBIDDEN', 'Your account is not allowed to do this.'],
    ['BAD_USER_INPUT', 'Some of what you entered is not valid.'],
  ])('a refusal (%s) is said plainly, with no retry that would fail the same way', async (code, sentence) => {
    signIn();
    renderApp('/earnings', { Me: () => ({ data: { me: ME } }), Earnings: () => failure(code, 'no') });
    expect(await screen.findByRole('alert')).toHaveTextContent(sentence);
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it.each([
    [`/templates/${TEMPLATE}`, { TemplatePage: () => failure('TEMPLATE_NOT_FOUND', 'Template not found') }],
    ['/u/nobody', { Profile: () => failure('USER_NOT_FOUND', 'No such user'), Browse: () => ({ data: noResults }) }],
  ] as [string, Answers][])('what does not exist (%s) is the not-found page', async (path, answers) => {
    renderApp(path, answers);
    expect(await screen.findByText('There is nothing at this address')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('the shell and a page that needs no viewer show while who is signed in is still being asked', async () => {
    signIn();
    const { asked } = renderApp('/check', { Me: () => new Promise(() => undefined) });
    expect(await screen.findByRole('heading', { name: 'Can I use this?', level: 1 })).toBeInTheDocument();
    // The account link waits for the name; the rest of the header is there.
    expect(screen.getByTestId('account-link')).toHaveTextContent('Account');
    expect(asked('Me')).toBe(1);
  });

  it('a signed-in page asks a visitor to sign in before loading anything', async () => {
    const { asked } = renderApp('/earnings', { Earnings: () => ({ data: earnings }) });
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(asked('Earnings')).toBe(0);
  });
});

describe('the route tree', () => {
  // Pages that read nothing from the server but who is signed in (the root's loader asks that for every page). The
  // pages a mailed link opens only act (using a one-time token is a mutation, never a loader's query).
  const NO_DATA = [
    '/sign-in',
    '/sign-up',
    '/check',
    '/studio/templates/new',
    '/forgot-password',
    '/verify-email',
    '/confirm-email',
    '/reset-password',
  ];

  it('gives every route with server data a loader', () => {
    const router = createAppRouter(new QueryClient());
    const routes = Object.values(router.routesById);
    const without = routes.filter((route) => !route.options.loader).map((route) => route.fullPath);
    expect(without.sort()).toEqual([...NO_DATA].sort());
    expect(routes.length).toBeGreaterThanOrEqual(21);
  });
});
