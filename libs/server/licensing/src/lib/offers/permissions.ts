import { createHash } from 'node:crypto';
import { codePoints, formatMoney, oneLine, quoted, ValidationError } from '@lookbook/kernel';

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

const invalid = (message: string) => new ValidationError('INVALID_PERMISSIONS', message);

/** Checks a permission set on its own and for its tier; returns it normalised (trimmed credit line). */
export function validatePermissions(tier: Tier, p: Permissions): Permissions {
  const creditLine = (p.creditLine && oneLine(p.creditLine, 'creditLine')) || null;
  if (p.creditRequired && !creditLine) throw invalid('A credit line is needed when credit is required');
  if (creditLine && codePoints(creditLine) > MAX_CREDIT_LINE)
    throw invalid(`A credit line is at most ${MAX_CREDIT_LINE} characters`);
  if (p.derivativeMayChangeLicense && !p.derivativesAllowed)
    throw invalid('Derivatives must be allowed before they may change licence');
  for (const [name, value] of [
    ['seats', p.seats],
    ['revenueCap', p.revenueCap],
    ['printRunCap', p.printRunCap],
  ] as const) {
    if (value !== null && (!Number.isSafeInteger(value) || value < 1))
      throw invalid(`${name} must be a positive whole number`);
  }
  if ((tier === 'FREE' || tier === 'PERSONAL') && p.commercialUse !== 'NONE') {
    throw invalid(`The ${tier} tier cannot allow commercial use`);
  }
  if ((tier === 'COMMERCIAL' || tier === 'ENTERPRISE' || tier === 'EXCLUSIVE') && p.commercialUse === 'NONE') {
    throw invalid(`The ${tier} tier must allow some commercial use`);
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

export function termsHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
