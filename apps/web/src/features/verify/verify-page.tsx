import { useMutation, useQuery } from '@tanstack/react-query';
import type { LicenseClaims } from '@lookbook/kernel/browser';
import { useEffect, useState } from 'react';
import { DropZone, FileTrigger } from 'react-aria-components';
import {
  Badge,
  Button,
  ButtonAnchor,
  Card,
  Detail,
  ErrorState,
  Inline,
  Notice,
  PageHeader,
  Section,
  Spinner,
  Stack,
  Text,
  TextField,
  cn,
} from '@lookbook/web-ui';
import type { VerifyLicenseQuery } from '../../gql/graphql';
import { errorMessage } from '../../lib/api-error';
import { formatDateTime } from '../../lib/format';
import { useTitle } from '../../lib/use-title';
import { TIER_LABELS } from '../../lib/licence-labels';
import { sha256Hex } from './sha256';
import { droppedFiles } from '../../lib/dropped-files';
import { jwksQuery, onlineCheckQuery } from './api/queries';
import { signatureQuery } from './api/signature';

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

type OnlineResult = VerifyLicenseQuery['verifyLicense'];

function AuthenticResult({
  claims,
  online,
  onlinePending,
  onlineError,
}: {
  claims: LicenseClaims;
  online: OnlineResult | undefined;
  onlinePending: boolean;
  onlineError: unknown;
}) {
  const revoked = online?.status === 'REVOKED';
  const license = online?.license;
  const verdict = revoked ? 'revoked' : online?.valid ? 'valid' : online ? 'unknown' : 'authentic';
  return (
    <Card as="section" className={cn(revoked ? 'border-warn' : 'border-good')}>
      <Stack gap={4} data-testid="verify-result" data-verdict={verdict}>
        <Inline>
          <Badge tone="good" size="md">
            Signature verified
          </Badge>
          {onlinePending && <Spinner label="Checking the licence status" />}
          {online &&
            (revoked ? (
              <Badge tone="warn" size="md">
                Revoked
              </Badge>
            ) : online.valid ? (
              <Badge tone="good" size="md">
                Active
              </Badge>
            ) : null)}
        </Inline>
        <h2 className="text-xl font-semibold">
          {revoked
            ? 'Genuine, but this licence has been revoked'
            : online?.valid
              ? 'This licence is genuine and active'
              : 'This certificate was signed by Lookbook'}
        </h2>
        {onlineError ? (
          <Notice tone="warn">
            The signature is genuine, but its current status could not be checked: {errorMessage(onlineError)}
          </Notice>
        ) : null}
        {online && !online.valid && !revoked && (
          <Notice tone="warn">{online.message ?? 'Lookbook does not know this licence.'}</Notice>
        )}
        <dl>
          <Detail term="Licence">
            {license
              ? `${TIER_LABELS[license.tier] ?? license.tier} · ${license.resourceName}`
              : (TIER_LABELS[claims.tier] ?? claims.tier)}
          </Detail>
          {license && (
            <Detail term="Held by">
              {license.licensee.displayName} (@{license.licensee.handle})
            </Detail>
          )}
          <Detail term="Issued">{formatDateTime(claims.issuedAt.toISOString())}</Detail>
          {license?.revokedAt && (
            <Detail term="Revoked">
              {formatDateTime(license.revokedAt)} ({license.revocationReason})
            </Detail>
          )}
          <Detail term="Terms SHA-256">
            <code className="text-xs break-all">{claims.termsSha256}</code>
          </Detail>
          <Detail term="Covered files">
            <Stack as="ul" gap={1}>
              {claims.fileSha256s.map((hash) => (
                <li key={hash}>
                  <code className="text-xs break-all" data-testid="covered-hash">
                    {hash}
                  </code>
                </li>
              ))}
            </Stack>
          </Detail>
        </dl>
        {license?.termsText && (
          <details className="rounded-lg border border-line px-4 py-2 text-sm">
            <summary className="cursor-pointer font-medium">The licence terms</summary>
            <pre className="mt-2 font-sans whitespace-pre-wrap text-muted">{license.termsText}</pre>
          </details>
        )}
        <FileCheck hashes={claims.fileSha256s} />
      </Stack>
    </Card>
  );
}

/** Drop a model file: its SHA-256 is computed here and compared with the certificate (the file never leaves). */
function FileCheck({ hashes }: { hashes: readonly string[] }) {
  const check = useMutation({
    mutationFn: async (file: File) => ({ name: file.name, hash: await sha256Hex(file) }),
  });
  const pick = (files: FileList | File[] | null) => {
    const file = files ? Array.from(files)[0] : undefined;
    if (file) check.mutate(file);
  };
  return (
    <Section title="Is my file covered?" headingId="file-check" level={3} size="sm" gap={2}>
      <DropZone
        onDrop={(event) => void droppedFiles(event).then(([file]) => file && check.mutate(file))}
        className={({ isDropTarget }) =>
          cn(
            'flex flex-col items-center gap-2 rounded-lg border-2 border-dashed border-line p-6 text-center text-sm',
            isDropTarget && 'border-accent bg-accent-soft',
          )
        }
      >
        <Text size="inherit">Drop a model file here, or</Text>
        <FileTrigger onSelect={pick}>
          <Button variant="secondary" size="sm">
            Choose a file
          </Button>
        </FileTrigger>
      </DropZone>
      {check.isPending && <Spinner label="Hashing the file" />}
      {check.data &&
        (hashes.includes(check.data.hash) ? (
          <Notice tone="good">
            <span data-testid="file-check-result">{check.data.name} is covered by this licence</span> (SHA-256{' '}
            {check.data.hash}).
          </Notice>
        ) : (
          <Notice tone="bad">
            <span data-testid="file-check-result">{check.data.name} is not covered by this licence</span>: its SHA-256
            is {check.data.hash}.
          </Notice>
        ))}
      {check.isError && <Notice tone="bad">The file could not be read.</Notice>}
      <ButtonAnchor href="/.well-known/jwks.json" variant="quiet" size="sm" className="self-start">
        Lookbook's public keys (JWKS)
      </ButtonAnchor>
    </Section>
  );
}
