import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { buttonStyles, cn } from '@lookbook/web-ui';
import { useMe, useSignOut } from '../lib/session';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { ThemeToggle } from './theme-toggle';

const NAV_LINK =
  'rounded-md px-3 py-2 text-sm font-medium text-muted hover:bg-raised hover:text-ink data-[status=active]:text-ink data-[status=active]:bg-raised';

/** Every page's frame: skip link, header with navigation and the account menu, the page, a footer. */
export function AppShell() {
  const { me, signedIn } = useMe();
  const signOut = useSignOut();
  const [menuOpen, setMenuOpen] = useState(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  useEffect(() => setMenuOpen(false), [pathname]);
  const isStaff = !!me?.roles.length;

  const links = (
    <>
      <Link to="/browse" className={NAV_LINK}>
        Browse
      </Link>
      <Link to="/verify" className={NAV_LINK}>
        Verify a licence
      </Link>
      <Link to="/check" className={NAV_LINK}>
        Can I use this?
      </Link>
      {signedIn && (
        <>
          <Link to="/feed" className={NAV_LINK}>
            Following
          </Link>
          <Link to="/library" className={NAV_LINK}>
            Library
          </Link>
          <Link to="/studio" className={NAV_LINK}>
            Studio
          </Link>
          <Link to="/earnings" className={NAV_LINK}>
            Earnings
          </Link>
          {isStaff && (
            <Link to="/staff" className={NAV_LINK}>
              Staff
            </Link>
          )}
        </>
      )}
    </>
  );

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-surface focus:px-4 focus:py-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b border-line bg-canvas/90 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-7xl items-center gap-4 px-4">
          <Link to="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight text-ink">
            <Logo />
            Lookbook
          </Link>
          <nav aria-label="Main" className="hidden items-center gap-1 md:flex">
            {links}
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <ThemeToggle />
            {signedIn ? (
              <>
                <NotificationBell />
                <Link to="/account" className={cn(NAV_LINK, 'max-sm:hidden')} data-testid="account-link">
                  {me?.displayName ?? 'Account'}
                </Link>
                <button
                  type="button"
                  className={buttonStyles('secondary', 'sm', 'max-sm:hidden')}
                  onClick={() => void signOut()}
                >
                  Sign out
                </button>
              </>
            ) : (
              <>
                <Link to="/sign-in" className={buttonStyles('quiet', 'sm')}>
                  Sign in
                </Link>
                <Link to="/sign-up" className={buttonStyles('primary', 'sm', 'max-sm:hidden')}>
                  Join
                </Link>
              </>
            )}
            <button
              type="button"
              className={buttonStyles('quiet', 'sm', 'md:hidden')}
              aria-expanded={menuOpen}
              aria-controls="mobile-nav"
              onClick={() => setMenuOpen((open) => !open)}
            >
              Menu
            </button>
          </div>
        </div>
        {menuOpen && (
          <nav
            id="mobile-nav"
            aria-label="Main"
            className="flex flex-col gap-1 border-t border-line px-4 py-3 md:hidden"
          >
            {links}
            {signedIn && (
              <>
                <Link to="/account" className={NAV_LINK}>
                  Account
                </Link>
                <button type="button" className={cn(NAV_LINK, 'text-left')} onClick={() => void signOut()}>
                  Sign out
                </button>
              </>
            )}
          </nav>
        )}
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8">
        <Outlet />
      </main>
      <footer className="border-t border-line py-6 text-center text-xs text-muted">
        Lookbook — open-source style models and workflows, licensed per buyer with certificates anyone can verify.
      </footer>
    </div>
  );
}

function Logo() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden className="size-7">
      <rect x="2" y="2" width="20" height="20" rx="6" className="fill-accent" />
      <path d="M8 6v12h8" className="fill-none stroke-accent-ink" strokeWidth="2.4" strokeLinecap="round" />
    </svg>
  );
}
