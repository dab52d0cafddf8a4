import { codePoints, oneLine, quoted } from './text';
import { ValidationError } from './errors';
import { currencyInfo, formatMoney } from './currency';

/**
 * Licence offers' terms: tiers, permissions, the rules a permission set and a price must follow, and the licence text
 * generated from them. Shared by the API (which enforces them) and the studio's offers editor (which shows the same
 * errors next to their fields and previews the exact text before saving).
 */

export const TIERS = ['FREE', 'PERSONAL', 'COMMERCIAL', 'ENTERPRISE', 'EXCLUSIVE'] as const;
export type Tier = (typeof TIERS)[number];

/** How far commercial use goes, from none to reselling the model itself. Ordered: each level includes the previous. */
export const COMMERCIAL_USES = ['NONE', 'SELL_GENERATED_IMAGES', 'PAID_GENERATION_SERVICE', 'RESELL_MODEL'] as const;
export type CommercialUse = (typeof COMMERCIAL_USES)[number];

export interface Permissions {
  commercialUse: CommercialUse;
  derivativesAllowed: boolean;
  /** May a derivative be published under a different licence? */
  derivativeMayChangeLicense: boolean;
  creditRequired: boolean;
  creditLine: string | null;
  /** People who may use the licence (null: unlimited). */
  seats: number | null;
  /** Revenue cap in minor units of the offer's currency, or a print-run cap; null when the tier has none. */
  revenueCap: number | null;
  printRunCap: number | null;
}

/** v2: user text quoted on one line; money formatted in its currency. Licences granted under v1 keep their text. */
export const LICENSE_TEXT_VERSION = 2;
export const MAX_CREDIT_LINE = 200;

/** `field` names the permission the error is about, so a form can show it in place. */
const invalid = (message: string, field: keyof Permissions) =>
  new ValidationError('INVALID_PERMISSIONS', message, { field });

/** Checks a permission set on its own and for its tier; returns it normalised (trimmed credit line). */
export function validatePermissions(tier: Tier, p: Permissions): Permissions {
  const creditLine = (p.creditLine && oneLine(p.creditLine, 'creditLine')) || null;
  if (p.creditRequired && !creditLine) throw invalid('A credit line is needed when credit is required', 'creditLine');
  if (creditLine && codePoints(creditLine) > MAX_CREDIT_LINE)
    throw invalid(`A credit line is at most ${MAX_CREDIT_LINE} characters`, 'creditLine');
  if (p.derivativeMayChangeLicense && !p.derivativesAllowed)
    throw invalid('Derivatives must be allowed before they may change licence', 'derivativeMayChangeLicense');
  for (const [name, value] of [
    ['seats', p.seats],
    ['revenueCap', p.revenueCap],
    ['printRunCap', p.printRunCap],
  ] as const) {
    if (value !== null && (!Number.isSafeInteger(value) || value < 1))
      throw invalid(`${name} must be a positive whole number`, name);
  }
  if ((tier === 'FREE' || tier === 'PERSONAL') && p.commercialUse !== 'NONE') {
    throw invalid(`The ${tier} tier cannot allow commercial use`, 'commercialUse');
  }
  if ((tier === 'COMMERCIAL' || tier === 'ENTERPRISE' || tier === 'EXCLUSIVE') && p.commercialUse === 'NONE') {
    throw invalid(`The ${tier} tier must allow some commercial use`, 'commercialUse');
  }
  return { ...p, creditLine };
}

const COMMERCIAL_TEXT: Record<CommercialUse, string> = {
  NONE: 'You may not use the Model, or anything you make with it, for commercial purposes.',
  SELL_GENERATED_IMAGES: 'You may sell and otherwise commercially use images you generate with the Model.',
  PAID_GENERATION_SERVICE:
    'You may sell images you generate with the Model and run the Model in a paid image-generation service for others.',
  RESELL_MODEL:
    'You may sell images you generate with the Model, run it in a paid generation service, and resell or redistribute the Model itself.',
};

/** The licensed work's name in a licence: the model and the version. */
export const licensedWorkName = (modelName: string, versionName: string) => `${modelName} — ${versionName}`;

/**
 * The human-readable licence, generated from the structured permissions (never free text), so the text and the
 * permissions cannot disagree. The only user text in it (the work's name and the credit line) is quoted on one line
 * and capped, so no input can add, remove or reword a clause. Versioned: a new template gets a new
 * LICENSE_TEXT_VERSION; its SHA-256 names the terms.
 */
export function licenseText(tier: Tier, p: Permissions, resourceName: string, currency: string): string {
  const lines = [
    `Lookbook ${tier.charAt(0)}${tier.slice(1).toLowerCase()} Licence (template v${LICENSE_TEXT_VERSION})`,
    `Licensed work: ${quoted(resourceName, 250)} (the "Model").`,
    '',
    `1. Commercial use. ${COMMERCIAL_TEXT[p.commercialUse]}`,
    `2. Derivatives. ${
      p.derivativesAllowed
        ? `You may make and publish derivatives (merges, fine-tunes, remixes) of the Model${
            p.derivativeMayChangeLicense ? ', under a licence of your choice.' : ', under terms no looser than these.'
          }`
        : 'You may not publish derivatives of the Model.'
    }`,
    `3. Credit. ${p.creditRequired && p.creditLine ? `You must credit the creator as: ${quoted(p.creditLine, MAX_CREDIT_LINE)}.` : 'Credit is appreciated but not required.'}`,
    `4. Seats. ${p.seats ? `Up to ${p.seats} people may use the Model under this licence.` : 'No limit on the number of people.'}`,
    ...(p.revenueCap
      ? [
          `5. Revenue cap. This licence covers commercial use up to ${formatMoney(p.revenueCap, currency)} in gross revenue.`,
        ]
      : []),
    ...(p.printRunCap ? [`6. Print run. Physical goods are limited to ${p.printRunCap} copies.`] : []),
    ...(tier === 'EXCLUSIVE'
      ? ['7. Exclusivity. While this licence is active, no other licence to the Model is sold.']
      : []),
  ];
  return `${lines.join('\n')}\n`;
}

const badPrice = (message: string, details: Record<string, string | number> = {}) =>
  new ValidationError('INVALID_PRICE', message, { field: 'priceAmount', ...details });

/**
 * A price the provider can charge: a supported ISO 4217 currency, whole minor units, 0 exactly for FREE, otherwise at
 * least the provider's minimum charge and (three-decimal currencies) a multiple of 10 minor units.
 */
export function checkPrice(tier: Tier, amount: number, currency: string): { amount: number; currency: string } {
  const info = currencyInfo(currency);
  if (!info) throw new ValidationError('UNSUPPORTED_CURRENCY', `Lookbook does not sell in "${currency}"`, { currency });
  if (!Number.isSafeInteger(amount) || amount < 0)
    throw badPrice('A price is a whole, non-negative amount of minor units');
  if (tier === 'FREE') {
    if (amount !== 0) throw badPrice('The FREE tier costs 0');
    return { amount, currency };
  }
  if (amount === 0) throw badPrice('Every tier but FREE costs more than 0');
  if (amount < info.minimumCharge) {
    throw badPrice(`The smallest price in ${currency} is ${formatMoney(info.minimumCharge, currency)}`, {
      minimum: info.minimumCharge,
      currency,
    });
  }
  if (amount % info.step !== 0) {
    throw badPrice(`Prices in ${currency} are charged in steps of ${formatMoney(info.step, currency)}`, {
      step: info.step,
      currency,
    });
  }
  return { amount, currency };
}
