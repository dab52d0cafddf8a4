import type { LibraryLicensesQuery } from '../../../gql/graphql';
import {
  Badge,
  Button,
  ButtonAnchor,
  ButtonLink,
  Card,
  CopyButton,
  Inline,
  Notice,
  Stack,
  Text,
  TextLink,
} from '@lookbook/web-ui';
import { formatDate, formatMoney, sentenceCase } from '../../../lib/format';
import { TIER_LABELS } from '../../../lib/licence-labels';

type Licence = LibraryLicensesQuery['myLicenses']['nodes'][number];

/** A verification link carries the certificate in its fragment, so opening it sends the certificate to no server. */
const verificationLink = (certificate: string) => `${window.location.origin}/verify#${certificate}`;

function downloadCertificate(name: string, certificate: string) {
  const url = URL.createObjectURL(new Blob([certificate], { type: 'application/jose' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = `${name.replace(/[^\w.-]+/g, '-').slice(0, 60)}.licence.jws`;
  anchor.click();
  URL.revokeObjectURL(url);
}

/** One licence: what it covers, its status, and what can be done with it (downloads, its certificate, verifying it). */
export function LicenceCard({ licence: l }: { licence: Licence }) {
  return (
    <Card as="li" className="flex flex-col gap-3">
      <Stack data-testid="licence">
        <Inline>
          <Badge tone="accent">{TIER_LABELS[l.tier] ?? l.tier}</Badge>
          <Badge tone={l.status === 'ACTIVE' ? 'good' : 'bad'}>{sentenceCase(l.status)}</Badge>
          {l.source && <Badge>{sentenceCase(l.source)}</Badge>}
        </Inline>
        <h3 className="font-semibold">
          {l.subjectKind === 'TEMPLATE' ? (
            <TextLink to="/templates/$id" params={{ id: l.subjectId }} variant="quiet">
              {l.resourceName}
            </TextLink>
          ) : (
            <TextLink to="/models/$id" params={{ id: l.subjectId }} variant="quiet">
              {l.resourceName}
            </TextLink>
          )}
        </h3>
        <Text size="xs">
          Issued {formatDate(l.issuedAt)}
          {l.priceAmount ? ` · paid ${formatMoney(l.priceAmount, l.priceCurrency ?? 'USD')}` : ''} · covers{' '}
          {l.fileSha256s.length} file{l.fileSha256s.length === 1 ? '' : 's'}
        </Text>
        {l.status === 'REVOKED' && (
          <Notice tone="warn">Revoked{l.revocationReason ? `: ${sentenceCase(l.revocationReason)}` : ''}.</Notice>
        )}
        {/* A revoked licence no longer grants downloads: only what still works — its page, and verifying
            the certificate (which now says revoked). */}
        <Stack direction="row" gap={2}>
          {l.status !== 'ACTIVE' ? (
            <ButtonLink
              to={l.subjectKind === 'TEMPLATE' ? '/templates/$id' : '/models/$id'}
              params={{ id: l.subjectId }}
              variant="secondary"
              size="sm"
            >
              View {l.subjectKind === 'TEMPLATE' ? 'template' : 'model'}
            </ButtonLink>
          ) : l.subjectKind === 'TEMPLATE' ? (
            <ButtonLink to="/templates/$id" params={{ id: l.subjectId }} size="sm">
              Template
            </ButtonLink>
          ) : (
            <ButtonLink to="/models/$id" params={{ id: l.subjectId }} size="sm">
              Downloads
            </ButtonLink>
          )}
          {l.certificate && (
            <>
              {l.status === 'ACTIVE' && (
                <>
                  <Button
                    variant="secondary"
                    size="sm"
                    onPress={() => downloadCertificate(l.resourceName, l.certificate!)}
                  >
                    Download certificate
                  </Button>
                  <CopyButton value={verificationLink(l.certificate)} label="Copy verification link" />
                </>
              )}
              <ButtonAnchor href={`/verify#${l.certificate}`} variant="quiet" size="sm" data-testid="verify-link">
                Verify
              </ButtonAnchor>
            </>
          )}
        </Stack>
      </Stack>
    </Card>
  );
}
