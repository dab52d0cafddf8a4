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

/** "Free", "From $5.00", or null when nothing is offered. */
export function priceLabel(
  offers: readonly { priceAmount: number; priceCurrency: string; tier: string }[],
  format: (amount: number, currency: string) => string,
): string | null {
  if (!offers.length) return null;
  if (offers.some((o) => o.tier === 'FREE' || o.priceAmount === 0)) return 'Free';
  const cheapest = offers.reduce((a, b) => (b.priceAmount < a.priceAmount ? b : a));
  return `From ${format(cheapest.priceAmount, cheapest.priceCurrency)}`;
}
