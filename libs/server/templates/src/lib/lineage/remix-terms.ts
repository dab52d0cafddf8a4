import type { MaturityLevel } from '@lookbook/kernel';
import { codePoints, MATURITY_LEVELS, oneLine, ValidationError } from '@lookbook/kernel';
import { normaliseTags } from '../templates/template-tags';

/**
 * Remix terms: what an IP owner lets fans do with a template bound to their IP, and what every remix down the line
 * inherits. A remix may tighten the terms it passes on, never loosen them: each rule below has its own error, so the
 * studio can say exactly which change is not allowed.
 */
export const USES = ['PERSONAL', 'COMMERCIAL'] as const;
export type Use = (typeof USES)[number];
export const APPROVAL_MODES = ['AUTOMATIC', 'MANUAL'] as const;
export type ApprovalMode = (typeof APPROVAL_MODES)[number];

export interface RemixTerms {
  /** May this be remixed at all. */
  remixAllowed: boolean;
  /** Slot keys fans may change; null: every slot. */
  changeableSlots: string[] | null;
  allowedUses: Use[];
  /** Credit lines every remix must show, outermost (the IP's) first. */
  attribution: string[];
  /** The IP owner's share of every sale of a remix, in basis points. */
  ipShareBps: number;
  maxMaturity: MaturityLevel;
  /** Tags every remix must carry. */
  requiredTags: string[];
  approval: ApprovalMode;
}

/** At most half of a sale to the IP owner: the rest pays the lineage and the seller. */
export const MAX_IP_SHARE_BPS = 5_000;

const invalid = (code: string, message: string, field: string) => new ValidationError(code, message, { field });

/** Checks terms on their own (an IP owner's first terms, or a remix's declared ones). */
export function checkTerms(terms: RemixTerms): RemixTerms {
  if (!Number.isInteger(terms.ipShareBps) || terms.ipShareBps < 0 || terms.ipShareBps > MAX_IP_SHARE_BPS)
    throw invalid('TERMS_INVALID_SHARE', `The IP owner's share is 0–${MAX_IP_SHARE_BPS} basis points`, 'ipShareBps');
  if (!terms.allowedUses.every((u) => (USES as readonly string[]).includes(u)))
    throw invalid('TERMS_INVALID_USE', 'Uses are PERSONAL or COMMERCIAL', 'allowedUses');
  if (!(MATURITY_LEVELS as readonly string[]).includes(terms.maxMaturity))
    throw invalid('TERMS_INVALID_MATURITY', 'Maturity is SFW, SUGGESTIVE, MATURE or EXPLICIT', 'maxMaturity');
  if (!(APPROVAL_MODES as readonly string[]).includes(terms.approval))
    throw invalid('TERMS_INVALID_APPROVAL', 'Approval is AUTOMATIC or MANUAL', 'approval');
  // Credit lines are shown on every remix and copied into licences: the text rules of every field apply.
  const attribution = terms.attribution.map((line) => oneLine(line, 'attribution'));
  if (attribution.some((line) => !line || codePoints(line) > 200))
    throw invalid('TERMS_INVALID_ATTRIBUTION', 'Each credit line is 1–200 characters', 'attribution');
  const requiredTags = normaliseTags(terms.requiredTags, 'requiredTags', () =>
    invalid('TERMS_INVALID_TAGS', 'At most 20 required tags of 1–40 letters, digits, spaces, _ or -', 'requiredTags'),
  );
  return {
    ...terms,
    attribution,
    allowedUses: [...new Set(terms.allowedUses)].sort(),
    requiredTags: requiredTags.sort(),
    changeableSlots:
      terms.changeableSlots === null
        ? null
        : [...new Set(terms.changeableSlots.map((key) => oneLine(key, 'changeableSlots')))].sort(),
  };
}

const level = (m: MaturityLevel) => MATURITY_LEVELS.indexOf(m);

/**
 * A remix's terms against those it inherits: every rule may only tighten. Returns the terms the remix passes on
 * (its own, with the inherited credit lines kept in front).
 */
export function inheritTerms(parent: RemixTerms, declared: RemixTerms): RemixTerms {
  const child = checkTerms(declared);
  const loosen = (code: string, message: string, field: string) => invalid(code, message, field);
  if (!parent.remixAllowed) throw loosen('REMIX_NOT_ALLOWED', 'The terms do not allow remixing this', 'remixAllowed');
  if (parent.changeableSlots !== null) {
    const extra =
      child.changeableSlots === null
        ? ['(all)']
        : child.changeableSlots.filter((s) => !parent.changeableSlots!.includes(s));
    if (extra.length)
      throw loosen(
        'TERMS_LOOSEN_SLOTS',
        `Slots locked upstream cannot be opened: ${extra.join(', ')}`,
        'changeableSlots',
      );
  }
  const uses = child.allowedUses.filter((u) => !parent.allowedUses.includes(u));
  if (uses.length)
    throw loosen('TERMS_LOOSEN_USES', `Not allowed upstream: ${uses.join(', ').toLowerCase()} use`, 'allowedUses');
  if (child.ipShareBps < parent.ipShareBps)
    throw loosen(
      'TERMS_LOWER_IP_SHARE',
      `The IP owner's share cannot drop below ${parent.ipShareBps} basis points`,
      'ipShareBps',
    );
  if (level(child.maxMaturity) > level(parent.maxMaturity))
    throw loosen('TERMS_RAISE_MATURITY', `Maturity is capped at ${parent.maxMaturity} upstream`, 'maxMaturity');
  const dropped = parent.requiredTags.filter((t) => !child.requiredTags.includes(t));
  if (dropped.length) throw loosen('TERMS_DROP_TAGS', `Required upstream: ${dropped.join(', ')}`, 'requiredTags');
  if (parent.approval === 'MANUAL' && child.approval !== 'MANUAL')
    throw loosen('TERMS_LOOSEN_APPROVAL', 'The IP owner approves every remix: approval stays manual', 'approval');
  // Credit lines are never lost: terms that leave out an inherited line are refused like any other loosening.
  const uncredited = parent.attribution.filter((line) => !child.attribution.includes(line));
  if (uncredited.length)
    throw loosen(
      'TERMS_DROP_ATTRIBUTION',
      `Credit required upstream cannot be dropped: ${uncredited.map((l) => `“${l}”`).join(', ')}`,
      'attribution',
    );
  return {
    ...child,
    // The inherited lines first, in their order, then any the remix adds.
    attribution: [...parent.attribution, ...child.attribution.filter((l) => !parent.attribution.includes(l))],
  };
}

/** What a remix does, checked against the terms it remixes under. */
export interface RemixIntent {
  changedSlots: string[];
  maturity: MaturityLevel;
  tags: string[];
  uses: Use[];
}

export function checkRemix(terms: RemixTerms, remix: RemixIntent): void {
  const no = (code: string, message: string, field: string) => invalid(code, message, field);
  if (!terms.remixAllowed) throw no('REMIX_NOT_ALLOWED', 'The terms do not allow remixing this', 'parent');
  if (terms.changeableSlots !== null) {
    const locked = remix.changedSlots.filter((s) => !terms.changeableSlots!.includes(s));
    if (locked.length) throw no('REMIX_SLOT_LOCKED', `Locked by the IP owner: ${locked.join(', ')}`, 'params');
  }
  if (level(remix.maturity) > level(terms.maxMaturity))
    throw no('REMIX_MATURITY_TOO_HIGH', `Remixes are at most ${terms.maxMaturity}`, 'maturity');
  const missing = terms.requiredTags.filter((t) => !remix.tags.map((x) => x.toLowerCase()).includes(t));
  if (missing.length) throw no('REMIX_MISSING_TAGS', `Remixes carry the tags ${missing.join(', ')}`, 'tags');
  const uses = remix.uses.filter((u) => !terms.allowedUses.includes(u));
  if (uses.length) throw no('REMIX_USE_NOT_ALLOWED', `Not allowed: ${uses.join(', ').toLowerCase()} use`, 'uses');
}
