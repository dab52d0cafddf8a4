import type { Permissions, Tier } from '@lookbook/kernel/browser';
import { checkPrice, licenseText, validatePermissions } from '@lookbook/kernel/browser';
import { parseMoney } from '../../lib/format';

export interface OfferDraft {
  tier: Tier;
  price: string;
  currency: string;
  permissions: Permissions;
}

const DEFAULTS: Record<Tier, Permissions> = {
  FREE: {
    commercialUse: 'NONE',
    derivativesAllowed: true,
    derivativeMayChangeLicense: false,
    creditRequired: false,
    creditLine: null,
    seats: null,
    revenueCap: null,
    printRunCap: null,
  },
  PERSONAL: {
    commercialUse: 'NONE',
    derivativesAllowed: true,
    derivativeMayChangeLicense: false,
    creditRequired: false,
    creditLine: null,
    seats: 1,
    revenueCap: null,
    printRunCap: null,
  },
  COMMERCIAL: {
    commercialUse: 'SELL_GENERATED_IMAGES',
    derivativesAllowed: true,
    derivativeMayChangeLicense: false,
    creditRequired: true,
    creditLine: null,
    seats: 5,
    revenueCap: null,
    printRunCap: null,
  },
  ENTERPRISE: {
    commercialUse: 'PAID_GENERATION_SERVICE',
    derivativesAllowed: true,
    derivativeMayChangeLicense: false,
    creditRequired: false,
    creditLine: null,
    seats: null,
    revenueCap: null,
    printRunCap: null,
  },
  EXCLUSIVE: {
    commercialUse: 'RESELL_MODEL',
    derivativesAllowed: true,
    derivativeMayChangeLicense: true,
    creditRequired: false,
    creditLine: null,
    seats: null,
    revenueCap: null,
    printRunCap: null,
  },
};
const DEFAULT_PRICE: Record<Tier, string> = {
  FREE: '0',
  PERSONAL: '5',
  COMMERCIAL: '25',
  ENTERPRISE: '250',
  EXCLUSIVE: '2500',
};
export const ALL_TIERS: Tier[] = ['FREE', 'PERSONAL', 'COMMERCIAL', 'ENTERPRISE', 'EXCLUSIVE'];
export const CURRENCIES = ['USD', 'EUR', 'GBP', 'JPY', 'CAD', 'AUD'];

export const newOffer = (tier: Tier, currency = 'USD'): OfferDraft => ({
  tier,
  price: DEFAULT_PRICE[tier],
  currency,
  permissions: { ...DEFAULTS[tier] },
});

type FieldErrors = Partial<Record<keyof Permissions | 'price', string>>;

/** The same rules the API applies (shared code), per offer, with each error on its field; plus the licence text. */
export function checkOffer(
  offer: OfferDraft,
  workName: string,
): { errors: FieldErrors; text: string | null; priceAmount: number | null } {
  const errors: FieldErrors = {};
  const amount = parseMoney(offer.price, offer.currency);
  if (amount === null) errors.price = 'Enter a price like 12.50';
  else {
    try {
      checkPrice(offer.tier, amount, offer.currency);
    } catch (error) {
      errors.price = (error as Error).message;
    }
  }
  let text: string | null = null;
  try {
    const permissions = validatePermissions(offer.tier, offer.permissions);
    text = licenseText(offer.tier, permissions, workName, offer.currency);
  } catch (error) {
    const field = (error as { details?: { field?: keyof Permissions } }).details?.field ?? 'commercialUse';
    errors[field] = (error as Error).message;
  }
  return { errors, text, priceAmount: amount };
}
