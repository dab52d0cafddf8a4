import { useMutation } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Badge, Button, LongValue, Notice, ScrollTable, buttonStyles } from '@lookbook/web-ui';
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
  if (!offers.length) return <p className="text-sm text-muted">No licences are offered for this version yet.</p>;
  const held = new Set(heldTiers);
  const failure = checkout.error ?? claim?.error;

  const action = (offer: Offer) => {
    if (isOwner) return <Badge tone="good">{ownerLabel}</Badge>;
    if (held.has(offer.tier)) {
      return (
        <Link to="/library" className={buttonStyles('secondary', 'sm')}>
          You hold this · Library
        </Link>
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
        Buy {TIER_LABELS[offer.tier]} · {formatMoney(offer.priceAmount, offer.priceCurrency)}
      </Button>
    );
  };

  const price = (o: Offer) => (o.tier === 'FREE' ? 'Free' : formatMoney(o.priceAmount, o.priceCurrency));
  const open = isOwner ? [] : offers.filter((o) => !held.has(o.tier));

  return (
    <section aria-labelledby={`offers-${id}`} className="flex scroll-mt-20 flex-col gap-3" id={`licences-${id}`}>
      <h3 id={`offers-${id}`} className="text-base font-semibold" tabIndex={-1}>
        Licences for {name}
      </h3>
      {failure && <Notice tone="bad">{errorMessage(failure)}</Notice>}
      {/* Phones: one card per licence, its terms as rows (a matrix would hide every column but the first). */}
      <ul className="flex flex-col gap-3 sm:hidden" data-testid="permissions-cards">
        {offers.map((o) => (
          <li key={o.id} className="rounded-lg border border-line" data-testid={`offer-card-${o.tier}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-line bg-raised px-3 py-2">
              <span className="font-semibold">{TIER_LABELS[o.tier] ?? o.tier}</span>
              <span className="text-base font-semibold text-accent">{price(o)}</span>
            </div>
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
      </ul>
      <ScrollTable label={`Licences for ${name}, side by side`} className="hidden sm:flex">
        <table className="w-full min-w-[28rem] text-sm" data-testid="permissions-matrix">
          <caption className="sr-only">What each licence of {name} allows</caption>
          <thead className="bg-raised">
            <tr>
              <th scope="col" className="p-3 text-left font-medium text-muted">
                Licence
              </th>
              {offers.map((o) => (
                <th key={o.id} scope="col" className="p-3 text-left">
                  <span className="block font-semibold">{TIER_LABELS[o.tier] ?? o.tier}</span>
                  <span className="block text-base font-semibold text-accent">{price(o)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.label} className="border-t border-line">
                <th scope="row" className="p-3 text-left font-normal text-muted">
                  {row.label}
                </th>
                {offers.map((o) => (
                  <td key={o.id} className="p-3">
                    {row.value(o)}
                  </td>
                ))}
              </tr>
            ))}
            <tr className="border-t border-line">
              <th scope="row" className="p-3 text-left font-normal text-muted">
                <span className="sr-only">Get it</span>
              </th>
              {offers.map((o) => (
                <td key={o.id} className="p-3" data-testid={`offer-action-${o.tier}`}>
                  {action(o)}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </ScrollTable>
      {offers.map((o) => (
        <details key={o.id} className="rounded-lg border border-line px-4 py-2 text-sm">
          <summary className="cursor-pointer font-medium">
            Full terms: {TIER_LABELS[o.tier]} (revision {o.revision})
          </summary>
          <pre className="mt-2 font-sans text-sm whitespace-pre-wrap text-muted">{o.termsText}</pre>
          <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-muted">
            Terms SHA-256 <LongValue value={o.termsSha256} label="Copy hash" />
          </p>
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
    </section>
  );
}
