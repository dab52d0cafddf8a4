import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import {
  Badge,
  Button,
  ButtonLink,
  Inline,
  LongValue,
  Money,
  Notice,
  ScrollTable,
  SectionHeading,
  Stack,
  Table,
  TableBody,
  TableHead,
  TableRow,
  Td,
  Text,
  Th,
  buttonStyles,
  cn,
} from '@lookbook/web-ui';
import { PhoneBuyBar } from './phone-buy-bar';
import { Checkout } from '../api/checkout';
import type { FragmentType } from '../gql';
import { graphql, readFragment } from '../gql';
import type { LicenceOfferFragment as Offer } from '../gql/graphql';
import { errorMessage } from '../lib/api-error';
import { formatMoney } from '../lib/format';
import { execute } from '../lib/graphql-client';
import { COMMERCIAL_USE_LABELS, TIER_LABELS } from '../lib/licence-labels';

/** A licence offer as buyers compare them: tier, price, every permission, and the generated terms. */
export const LicenceOfferFragment = graphql(`
  fragment LicenceOffer on LicenseOffer {
    id
    tier
    revision
    priceAmount
    priceCurrency
    termsText
    termsSha256
    permissions {
      commercialUse
      derivativesAllowed
      derivativeMayChangeLicense
      creditRequired
      creditLine
      seats
      revenueCap
      printRunCap
    }
  }
`);

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
const ROWS: { label: string; value: (o: Offer) => string }[] = [
  {
    label: 'Commercial use',
    value: (o) => COMMERCIAL_USE_LABELS[o.permissions.commercialUse] ?? o.permissions.commercialUse,
  },
  { label: 'Derivatives (remixes, merges)', value: (o) => yesNo(o.permissions.derivativesAllowed) },
  {
    label: 'Derivatives may use other terms',
    value: (o) => (o.permissions.derivativesAllowed ? yesNo(o.permissions.derivativeMayChangeLicense) : '—'),
  },
  {
    label: 'Credit required',
    value: (o) =>
      o.permissions.creditRequired ? (o.permissions.creditLine ? `Yes: “${o.permissions.creditLine}”` : 'Yes') : 'No',
  },
  { label: 'Seats', value: (o) => (o.permissions.seats ? String(o.permissions.seats) : 'Unlimited') },
  {
    label: 'Revenue cap',
    value: (o) => (o.permissions.revenueCap ? formatMoney(o.permissions.revenueCap, o.priceCurrency) : 'None'),
  },
  {
    label: 'Print run cap',
    value: (o) => (o.permissions.printRunCap ? o.permissions.printRunCap.toLocaleString('en') : 'None'),
  },
];

/**
 * Licence offers side by side (any licensable thing: a model version, a template version), each with its generated
 * terms and the action that fits the reader.
 */
export function OfferMatrix({
  id,
  name,
  offers: masked,
  heldTiers,
  signedIn,
  isOwner,
  ownerLabel,
  claim,
}: {
  id: string;
  name: string;
  offers: readonly FragmentType<typeof LicenceOfferFragment>[];
  heldTiers: string[];
  signedIn: boolean;
  isOwner: boolean;
  ownerLabel: string;
  /** Free licences are claimed (models); without it, a free offer needs no action. */
  claim?: { mutate: () => void; isPending: boolean; error: Error | null };
}) {
  const offers = readFragment(LicenceOfferFragment, masked);
  const navigate = useNavigate();
  const checkout = useMutation({
    mutationFn: (offerId: string) => execute(Checkout, { offerId }),
    onSuccess: ({ checkout: result }) => {
      window.location.assign(result.checkoutUrl);
    },
  });
  if (!offers.length) return <Text>No licences are offered for this version yet.</Text>;
  const held = new Set(heldTiers);
  const failure = checkout.error ?? claim?.error;

  const action = (offer: Offer) => {
    if (isOwner) return <Badge tone="good">{ownerLabel}</Badge>;
    if (held.has(offer.tier)) {
      return (
        <ButtonLink to="/library" variant="secondary" size="sm">
          You hold this · Library
        </ButtonLink>
      );
    }
    if (!signedIn) {
      return (
        <button
          type="button"
          className={buttonStyles('primary', 'sm')}
          onClick={() => void navigate({ to: '/sign-in', search: { next: window.location.pathname } })}
        >
          Sign in to {offer.tier === 'FREE' ? 'claim' : 'buy'}
        </button>
      );
    }
    if (offer.tier === 'FREE') {
      if (!claim) return <Badge tone="good">Free to use</Badge>;
      return (
        <Button size="sm" onPress={() => claim.mutate()} isPending={claim.isPending}>
          Claim free licence
        </Button>
      );
    }
    return (
      <Button
        size="sm"
        onPress={() => checkout.mutate(offer.id)}
        isPending={checkout.isPending && checkout.variables === offer.id}
      >
        Buy {TIER_LABELS[offer.tier]} · <Money amount={offer.priceAmount} currency={offer.priceCurrency} />
      </Button>
    );
  };

  const price = (o: Offer) => (o.tier === 'FREE' ? 'Free' : formatMoney(o.priceAmount, o.priceCurrency));
  const open = isOwner ? [] : offers.filter((o) => !held.has(o.tier));

  return (
    <Stack as="section" aria-labelledby={`offers-${id}`} className="scroll-mt-20" id={`licences-${id}`}>
      <SectionHeading level={3} id={`offers-${id}`} tabIndex={-1} flush>
        Licences for {name}
      </SectionHeading>
      {failure && <Notice tone="bad">{errorMessage(failure)}</Notice>}
      {/* Phones: one card per licence, its terms as rows (a matrix would hide every column but the first). */}
      <Stack as="ul" className="sm:hidden" data-testid="permissions-cards">
        {offers.map((o) => (
          <li key={o.id} className="rounded-lg border border-line" data-testid={`offer-card-${o.tier}`}>
            <Stack
              direction="row"
              gap={2}
              align="baseline"
              justify="between"
              className="border-b border-line bg-raised px-3 py-2"
            >
              <span className="font-semibold">{TIER_LABELS[o.tier] ?? o.tier}</span>
              <OfferPrice offer={o} />
            </Stack>
            <dl className="divide-y divide-line px-3 text-sm">
              {ROWS.map((row) => (
                <div key={row.label} className="flex justify-between gap-4 py-2">
                  <dt className="text-muted">{row.label}</dt>
                  <dd className="min-w-0 text-right">{row.value(o)}</dd>
                </div>
              ))}
            </dl>
            <div className="border-t border-line p-3">{action(o)}</div>
          </li>
        ))}
      </Stack>
      <ScrollTable label={`Licences for ${name}, side by side`} className="hidden sm:flex">
        <Table
          caption={<>What each licence of {name} allows</>}
          captionHidden
          minWidth="28rem"
          data-testid="permissions-matrix"
        >
          <TableHead>
            <TableRow>
              <Th>Licence</Th>
              {offers.map((o) => (
                <Th key={o.id} tone="ink">
                  <span className="block font-semibold">{TIER_LABELS[o.tier] ?? o.tier}</span>
                  <OfferPrice offer={o} className="block" />
                </Th>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {ROWS.map((row) => (
              <TableRow key={row.label}>
                <Th>{row.label}</Th>
                {offers.map((o) => (
                  <Td key={o.id}>{row.value(o)}</Td>
                ))}
              </TableRow>
            ))}
            <TableRow>
              <Th>
                <span className="sr-only">Get it</span>
              </Th>
              {offers.map((o) => (
                <Td key={o.id} data-testid={`offer-action-${o.tier}`}>
                  {action(o)}
                </Td>
              ))}
            </TableRow>
          </TableBody>
        </Table>
      </ScrollTable>
      {offers.map((o) => (
        <details key={o.id} className="rounded-lg border border-line px-4 py-2 text-sm">
          <summary className="cursor-pointer font-medium">
            Full terms: {TIER_LABELS[o.tier]} (revision {o.revision})
          </summary>
          <pre className="mt-2 font-sans text-sm whitespace-pre-wrap text-muted">{o.termsText}</pre>
          <Inline as="p" className="mt-2 text-xs text-muted">
            Terms SHA-256 <LongValue value={o.termsSha256} label="Copy hash" />
          </Inline>
        </details>
      ))}
      {open.length > 0 && (
        <PhoneBuyBar
          targetId={`licences-${id}`}
          headingId={`offers-${id}`}
          summary={open
            .map((o) => (o.tier === 'FREE' ? 'Free' : `${TIER_LABELS[o.tier] ?? o.tier} ${price(o)}`))
            .join(' · ')}
        />
      )}
    </Stack>
  );
}

/** An offer's price, as its column and card head it: "Free", or the amount in the accent colour. */
function OfferPrice({ offer, className }: { offer: Offer; className?: string }) {
  return (
    <span className={cn('text-base font-semibold text-accent', className)}>
      {offer.tier === 'FREE' ? 'Free' : <Money amount={offer.priceAmount} currency={offer.priceCurrency} />}
    </span>
  );
}
