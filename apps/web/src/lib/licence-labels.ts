import { cheapestPrice } from '@lookbook/kernel/browser';

/** How licence terms read to people: one short label per right, and badges for a model card. */
export interface PermissionsLike {
  commercialUse: string;
  derivativesAllowed: boolean;
  creditRequired?: boolean;
}

export const COMMERCIAL_USE_LABELS: Record<string, string> = {
  NONE: 'Personal use only',
  SELL_GENERATED_IMAGES: 'Sell generated images',
  PAID_GENERATION_SERVICE: 'Run a paid generation service',
  RESELL_MODEL: 'Resell or redistribute the model',
};

export const TIER_LABELS: Record<string, string> = {
  FREE: 'Free',
  PERSONAL: 'Personal',
  COMMERCIAL: 'Commercial',
  ENTERPRISE: 'Enterprise',
  EXCLUSIVE: 'Exclusive',
};

/** The rights any offer of a model grants, for the card's badges ("Commercial use", "Remix allowed"). */
export function licenceBadges(offers: readonly { permissions: PermissionsLike }[]): string[] {
  const badges: string[] = [];
  if (offers.some((o) => o.permissions.commercialUse !== 'NONE')) badges.push('Commercial use');
  if (offers.some((o) => o.permissions.derivativesAllowed)) badges.push('Remix allowed');
  return badges;
}

/** What a result costs, as search answers it: a free offer exists; the cheapest paid offer. */
export interface CardPrice {
  free: boolean;
  cheapestPaid: { tier: string; amount: number; currency: string } | null;
}

/** The same from a version's offers (the cheapest paid one by the kernel's price order, as search picks it). */
export function priceOf(
  offers: readonly { priceAmount: number; priceCurrency: string; tier: string }[],
): CardPrice | null {
  if (!offers.length) return null;
  const paid = offers.filter((o) => o.tier !== 'FREE' && o.priceAmount > 0);
  const cheapest = cheapestPrice(paid.map((o) => ({ tier: o.tier, amount: o.priceAmount, currency: o.priceCurrency })));
  return { free: paid.length < offers.length, cheapestPaid: cheapest };
}

/** "Free", "Commercial $24.00", "Free · Commercial $24.00" (both, when both are offered), or null for nothing. */
export function priceLabel(
  price: CardPrice | null | undefined,
  format: (amount: number, currency: string) => string,
): string | null {
  if (!price) return null;
  const paid = price.cheapestPaid;
  const parts = [
    ...(price.free ? ['Free'] : []),
    ...(paid ? [`${TIER_LABELS[paid.tier] ?? paid.tier} ${format(paid.amount, paid.currency)}`] : []),
  ];
  return parts.length ? parts.join(' · ') : null;
}
