import { FileCheck } from './file-check';
import type { LicenseClaims } from '@lookbook/kernel/browser';
import { Badge, Card, Detail, Inline, Notice, Spinner, Stack, cn } from '@lookbook/web-ui';
import type { VerifyLicenseQuery } from '../../../gql/graphql';
import { errorMessage } from '../../../lib/api-error';
import { formatDateTime } from '../../../lib/format';
import { TIER_LABELS } from '../../../lib/licence-labels';

export type OnlineResult = VerifyLicenseQuery['verifyLicense'];

export function AuthenticResult({
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
