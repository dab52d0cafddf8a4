import { useEffect, useState } from 'react';

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
    </main>
  );
}
