import { useEffect, useState } from 'react';
import { ModelPage } from './model-page';

type Status = 'checking' | 'ready' | 'unavailable';

/** Placeholder until the web client issue: shows that the API behind this page is up. */
export function App() {
  const [status, setStatus] = useState<Status>('checking');
  useEffect(() => {
    fetch('/readyz')
      .then((response) => setStatus(response.ok ? 'ready' : 'unavailable'))
      .catch(() => setStatus('unavailable'));
  }, []);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 640, margin: '4rem auto', lineHeight: 1.5 }}>
      <h1>Lookbook</h1>
      <p>Style models and workflow templates, licensed per buyer with certificates anyone can verify.</p>
      <p>
        API status: <strong data-testid="api-status">{status}</strong>. GraphQL endpoint: <code>/graphql</code>.
      </p>
      <ReturnNotice />
      {modelIdInPath() && <ModelPage id={modelIdInPath()!} />}
    </main>
  );
}

function modelIdInPath(): string | null {
  return /^\/models\/([0-9a-f-]{36})$/.exec(window.location.pathname)?.[1] ?? null;
}

/** Where the payment provider sends people back to: say what happened (the full pages come with the web client). */
function ReturnNotice() {
  const { pathname, search } = window.location;
  const params = new URLSearchParams(search);
  let message: string | null = null;
  if (pathname.startsWith('/orders/')) {
    message =
      params.get('checkout') === 'success'
        ? 'Payment received. Your licence appears in myLicenses as soon as the payment is confirmed.'
        : 'Checkout cancelled. Nothing was charged; the order stays open until its checkout expires.';
  } else if (pathname === '/earnings') {
    message =
      params.get('onboarding') === 'expired'
        ? 'That payout setup link expired: start payout onboarding again for a fresh one.'
        : 'Payout setup submitted. Your payout account status is in myPayoutAccount.';
  }
  return message ? <p data-testid="return-notice">{message}</p> : null;
}
