import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Button, Notice, Stack, Text } from '@lookbook/web-ui';
import { errorMessage } from '../../../lib/api-error';
import { formatMoney } from '../../../lib/format';
import { execute } from '../../../lib/graphql-client';
import { CheckoutOffers } from '../api/mutations';

/** A roll-up line as this component reads it (the checker's and the template page's alike). */
export interface RollupLineOffer {
  status: string;
  offer?: { id: string; tier: string; priceAmount: number; priceCurrency: string } | null;
}

/** What is missing and can be bought, per currency (one checkout is paid in one currency). */
export interface MissingLicences {
  groups: { currency: string; offerIds: string[]; total: number }[];
  /** Licences that are free to claim (not bought: claimed from their pages). */
  free: number;
}

/** The most licences one checkout buys (the API's cap). */
export const MAX_CHECKOUT_LINES = 20;

/**
 * The licences a roll-up lacks that are on sale: each line's cheapest covering offer (a model loaded twice is one
 * licence), grouped by currency with their totals, in the roll-up's order.
 */
export function missingLicences(lines: readonly RollupLineOffer[]): MissingLicences {
  const seen = new Set<string>();
  const groups = new Map<string, { currency: string; offerIds: string[]; total: number }>();
  let free = 0;
  for (const line of lines) {
    const offer = line.offer;
    if (!offer || seen.has(offer.id)) continue;
    seen.add(offer.id);
    if (line.status === 'CLAIMABLE' || offer.tier === 'FREE') {
      free += 1;
      continue;
    }
    if (line.status !== 'AVAILABLE') continue;
    const group = groups.get(offer.priceCurrency) ?? { currency: offer.priceCurrency, offerIds: [], total: 0 };
    group.offerIds.push(offer.id);
    group.total += offer.priceAmount;
    groups.set(offer.priceCurrency, group);
  }
  return { groups: [...groups.values()], free };
}

const licences = (n: number) => `${n} licence${n === 1 ? '' : 's'}`;

/**
 * "License all N — $X": every licence a roll-up lacks, bought in one checkout (one order, a line each, one payment),
 * then the receipt. Offers priced in several currencies make one checkout per currency.
 */
export function LicenseAllMissing({ lines, signedIn }: { lines: readonly RollupLineOffer[]; signedIn: boolean }) {
  const navigate = useNavigate();
  const { groups, free } = missingLicences(lines);
  const checkout = useMutation({
    mutationFn: (offerIds: string[]) => execute(CheckoutOffers, { offerIds }),
    onSuccess: (data) => window.location.assign(data.checkoutOffers.checkoutUrl),
  });
  if (!groups.length) return null;
  const count = groups.reduce((n, g) => n + g.offerIds.length, 0);
  return (
    <Stack
      as="section"
      aria-label="License what is missing"
      className="rounded-lg border border-line bg-raised p-3 text-sm"
      data-testid="license-all"
    >
      <p data-testid="license-all-total">
        <span className="font-medium">Missing: {licences(count)}</span>
        {' · '}
        {groups.map((g) => formatMoney(g.total, g.currency)).join(' + ')}
        {groups.length > 1 && (
          <Text as="span" size="inherit" block>
            Priced in several currencies: one checkout per currency.
          </Text>
        )}
        {free > 0 && (
          <Text as="span" size="inherit" block>
            {licences(free)} more {free === 1 ? 'is' : 'are'} free: claim {free === 1 ? 'it' : 'them'} from{' '}
            {free === 1 ? 'its page' : 'their pages'}.
          </Text>
        )}
      </p>
      <Stack direction="row" gap={2}>
        {groups.map((g) =>
          !signedIn ? (
            <Button
              key={g.currency}
              variant="primary"
              onPress={() => void navigate({ to: '/sign-in', search: { next: window.location.pathname } })}
            >
              {g.offerIds.length === 1 ? 'Sign in to license it' : `Sign in to license all ${g.offerIds.length}`}
            </Button>
          ) : g.offerIds.length > MAX_CHECKOUT_LINES ? (
            <Text as="span" size="inherit" key={g.currency}>
              More than {MAX_CHECKOUT_LINES} licences in {g.currency}: license them from their pages.
            </Text>
          ) : (
            <Button
              key={g.currency}
              variant="primary"
              onPress={() => checkout.mutate(g.offerIds)}
              isPending={checkout.isPending && checkout.variables === g.offerIds}
              isDisabled={checkout.isPending || checkout.isSuccess}
            >
              {g.offerIds.length === 1 ? 'License it' : `License all ${g.offerIds.length}`} —{' '}
              {formatMoney(g.total, g.currency)}
            </Button>
          ),
        )}
      </Stack>
      {checkout.isError && <Notice tone="bad">{errorMessage(checkout.error)}</Notice>}
    </Stack>
  );
}
