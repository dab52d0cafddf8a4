import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FileTrigger } from 'react-aria-components';
import { Badge, Button, Card, ErrorState, PageHeader, Spinner, Stack, Text, TextField } from '@lookbook/web-ui';
import { useTitle } from '../../lib/use-title';
import { jwksQuery, onlineCheckQuery } from './api/queries';
import { signatureQuery } from './api/signature';
import { AuthenticResult } from './components/authentic-result';

const PROBLEMS: Record<string, string> = {
  MALFORMED: 'This is not a Lookbook licence certificate.',
  UNSUPPORTED_ALGORITHM: 'It is signed with an algorithm Lookbook never uses.',
  UNKNOWN_KEY: 'It names a signing key Lookbook does not publish.',
  KEY_EXPIRED: 'It claims a date after its signing key was retired.',
  BAD_SIGNATURE: 'Its signature does not match its contents: it was altered or forged.',
  INVALID_CLAIMS: 'Its contents are incomplete or not a Lookbook licence.',
};

/** The certificate in a verification link: `/verify#<certificate>` (a fragment never reaches any server's logs). */
const fromLocation = () => decodeURIComponent(window.location.hash.replace(/^#/, '')).trim();

/**
 * Anyone can check a licence: the signature is verified here, in the browser, against Lookbook's published keys
 * (no trust in the server's word); then the server says whether the licence is still active; a dropped model file is
 * hashed locally and compared with the certificate's file hashes.
 */
export function VerifyPage() {
  useTitle('Verify a licence');
  const [text, setText] = useState(fromLocation);
  const [certificate, setCertificate] = useState(fromLocation);
  useEffect(() => {
    const onHash = () => {
      setText(fromLocation());
      setCertificate(fromLocation());
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const jwks = useQuery(jwksQuery());
  const offline = useQuery(signatureQuery(certificate, jwks.data, jwks.dataUpdatedAt));
  const online = useQuery({ ...onlineCheckQuery(certificate), enabled: offline.data?.kind === 'authentic' });

  return (
    <Stack gap={6} className="mx-auto max-w-3xl">
      <PageHeader
        title="Verify a licence"
        subtitle="Paste a Lookbook licence certificate or open a verification link. The signature is checked in your browser against Lookbook's published keys."
      />
      <Card>
        <Stack
          as="form"
          onSubmit={(event) => {
            event.preventDefault();
            setCertificate(text.trim());
            history.replaceState(null, '', text.trim() ? `#${text.trim()}` : window.location.pathname);
          }}
        >
          <TextField
            label="Certificate"
            name="certificate"
            multiline
            rows={4}
            value={text}
            onChange={setText}
            placeholder="eyJhbGciOiJFZERTQSIs…"
          />
          <Stack direction="row" gap={2}>
            <Button type="submit" isDisabled={!text.trim()}>
              Verify
            </Button>
            <FileTrigger
              acceptedFileTypes={['.jws', '.jwt', '.txt', 'text/plain']}
              onSelect={(files) => {
                const file = files?.[0];
                if (file)
                  void file.text().then((value) => {
                    setText(value.trim());
                    setCertificate(value.trim());
                  });
              }}
            >
              <Button variant="secondary">Open a certificate file</Button>
            </FileTrigger>
          </Stack>
        </Stack>
      </Card>
      {jwks.isError && (
        <ErrorState
          message="Lookbook's public keys could not be loaded, so nothing can be verified right now."
          onRetry={() => void jwks.refetch()}
        />
      )}
      {certificate && (offline.isPending || jwks.isPending) && <Spinner label="Checking the signature" />}
      {offline.data?.kind === 'forged' && (
        <Card className="border-bad" as="section">
          <Stack gap={2} data-testid="verify-result" data-verdict="forged">
            <Badge tone="bad" size="md" className="self-start">
              Not valid
            </Badge>
            <h2 className="text-xl font-semibold">This certificate is not genuine</h2>
            <Text tone="ink">{PROBLEMS[offline.data.problem] ?? offline.data.message}</Text>
            <Text size="xs">Checked in your browser; nothing was sent to Lookbook.</Text>
          </Stack>
        </Card>
      )}
      {offline.data?.kind === 'authentic' && (
        <AuthenticResult
          claims={offline.data.claims}
          online={online.data?.verifyLicense}
          onlinePending={online.isPending}
          onlineError={online.error}
        />
      )}
    </Stack>
  );
}
