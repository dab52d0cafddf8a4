import type { PublishedFileMatch, ResolvedModelFile } from '@lookbook/catalog';
import type { LicenseSummary, OfferEntity, Permissions, Tier } from '@lookbook/licensing';
import type { Use } from '../lineage/remix-terms';

/**
 * Per dependency, for one purpose:
 * - OWN: the viewer made it; HELD: they hold a licence that covers the purpose;
 * - CLAIMABLE: a free licence covers it (claim it to hold it); AVAILABLE: a paid offer covers it;
 * - NOT_OFFERED: in the catalog, but nothing on sale covers the purpose;
 * - OPEN_LICENSE: a well-known published file (SD 1.5, FLUX.1 [schnell], T5…) whose public licence allows the
 *   purpose; NOT_ALLOWED: one whose public licence does not (FLUX.1 [dev] for commercial use);
 * - UNKNOWN: a file we do not know, so its licence could not be checked; UNUSED: wired in but doing nothing.
 */
export const ROLLUP_STATUSES = [
  'OWN',
  'HELD',
  'CLAIMABLE',
  'AVAILABLE',
  'NOT_OFFERED',
  'OPEN_LICENSE',
  'NOT_ALLOWED',
  'UNKNOWN',
  'UNUSED',
] as const;
export type RollupStatus = (typeof ROLLUP_STATUSES)[number];
/** COVERED only when every file is known and covered; UNVERIFIED when nothing blocks but some file is unknown. */
export const ROLLUP_VERDICTS = ['COVERED', 'NOT_COVERED', 'UNVERIFIED'] as const;
export type RollupVerdict = (typeof ROLLUP_VERDICTS)[number];

/** Statuses that stop the purpose until the viewer does something (or cannot do anything). */
export const BLOCKING: readonly RollupStatus[] = ['CLAIMABLE', 'AVAILABLE', 'NOT_OFFERED', 'NOT_ALLOWED'];

export interface RollupLine {
  /** `template` for the template itself; otherwise the model kind (checkpoint, lora, …). */
  kind: string;
  name: string;
  /** Where the workflow loads it (`<node>.<input>`); null for the template itself. */
  slot: string | null;
  sha256: string | null;
  /** The catalog version it was matched to. */
  resolved: ResolvedModelFile | null;
  /** The well-known published file it was matched to (a base model's file, a text encoder, a VAE). */
  published: PublishedFileMatch | null;
  status: RollupStatus;
  held: LicenseSummary | null;
  /** The cheapest live offer that covers the purpose (none when held, own, unknown or published elsewhere). */
  offer: OfferEntity | null;
  reason: string;
}

/** What licensing everything missing costs, per currency: the cheapest covering offer of each line still to license. */
export interface MissingTotal {
  currency: string;
  /** Minor units. */
  amount: number;
  /** How many licences (free claims included, at 0). */
  licenses: number;
}

export interface LicenseRollup {
  purpose: Use;
  verdict: RollupVerdict;
  reasons: string[];
  lines: RollupLine[];
  missingTotals: MissingTotal[];
}

export const covers = (permissions: Permissions, purpose: Use) =>
  purpose === 'PERSONAL' || permissions.commercialUse !== 'NONE';
const TIERS: Tier[] = ['FREE', 'PERSONAL', 'COMMERCIAL', 'ENTERPRISE', 'EXCLUSIVE'];
export const purposeWords = (purpose: Use) => (purpose === 'COMMERCIAL' ? 'commercial use' : 'personal use');
const capitalised = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** The cheapest live offer of a version that covers the purpose (then the lowest tier). */
export function cheapestCovering(offers: readonly OfferEntity[], versionId: string, purpose: Use): OfferEntity | null {
  return (
    offers
      .filter((o) => o.versionId === versionId && covers(o.permissions, purpose))
      .sort((a, b) => a.priceAmount - b.priceAmount || TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier))[0] ?? null
  );
}

/**
 * What a file is, when both the catalog and the list of well-known published files know something: an exact hash
 * beats a name, and a publisher's own file beats a catalog upload of the same bytes or name (a re-upload of
 * FLUX.1 [dev] is still FLUX.1 [dev], whoever lists it).
 */
export function identify(
  catalog: ResolvedModelFile | null,
  published: PublishedFileMatch | null,
): { catalog: ResolvedModelFile } | { published: PublishedFileMatch } | null {
  if (published?.matchedBy === 'SHA256') return { published };
  if (catalog?.matchedBy === 'SHA256') return { catalog };
  if (published) return { published };
  return catalog ? { catalog } : null;
}

const byName = (matchedBy: string) => (matchedBy === 'FILE_NAME' ? ' (matched by file name)' : '');

/** A well-known published file, judged by its public licence. */
export function judgePublished(
  file: PublishedFileMatch,
  purpose: Use,
): { status: 'OPEN_LICENSE' | 'NOT_ALLOWED' | 'UNKNOWN'; reason: string } {
  const { license } = file;
  if (!file.licensesAgree)
    return {
      status: 'UNKNOWN',
      reason:
        `Not checked: ${file.candidates} published files are named ${file.fileName}, under licences that differ ` +
        `on commercial use; its SHA-256 in the workflow would tell which it is`,
    };
  const note = license.conditions ? `. ${license.conditions}` : '';
  if (purpose === 'COMMERCIAL' && license.nonCommercial)
    return {
      status: 'NOT_ALLOWED',
      reason: `Not covered: ${license.name} does not allow ${purposeWords(purpose)}${note}${byName(file.matchedBy)}`,
    };
  return {
    status: 'OPEN_LICENSE',
    reason: `Published under the ${license.name}, which allows ${purposeWords(purpose)}${note}${byName(file.matchedBy)}`,
  };
}

export const UNKNOWN_REASON =
  'Not checked: not in the Lookbook catalog and not a published file we know — check its licence where you got it';

/** A catalog line's reason, for its status. */
export function catalogReason(
  status: RollupStatus,
  judged: { held: LicenseSummary | null; offer: OfferEntity | null },
  purpose: Use,
  match: ResolvedModelFile | null,
): string {
  const guess = match ? byName(match.matchedBy) : '';
  switch (status) {
    case 'OWN':
      return `You made it${guess}`;
    case 'HELD':
      return `Your ${judged.held!.tier.toLowerCase()} licence covers ${purposeWords(purpose)}${guess}`;
    case 'CLAIMABLE':
      return `Free: claim the licence to hold it${guess}`;
    case 'AVAILABLE':
      return `You need the ${judged.offer!.tier.toLowerCase()} licence${guess}`;
    case 'NOT_OFFERED':
      return `No licence on sale covers ${purposeWords(purpose)}${guess}`;
    case 'OPEN_LICENSE':
    case 'NOT_ALLOWED':
    case 'UNKNOWN':
    case 'UNUSED':
      return '';
  }
}

/** Per currency, what licensing every missing line costs at its cheapest covering offer. */
export function missingTotals(lines: readonly RollupLine[]): MissingTotal[] {
  const totals = new Map<string, MissingTotal>();
  for (const line of lines) {
    if ((line.status !== 'AVAILABLE' && line.status !== 'CLAIMABLE') || !line.offer) continue;
    const { priceCurrency: currency, priceAmount: amount } = line.offer;
    const total = totals.get(currency) ?? { currency, amount: 0, licenses: 0 };
    totals.set(currency, { currency, amount: total.amount + amount, licenses: total.licenses + 1 });
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/**
 * The verdict and its reasons: COVERED only when every line is known and covered; anything blocking makes it
 * NOT_COVERED (blocking lines first, then what could not be checked); otherwise any unknown file makes it UNVERIFIED,
 * whose reasons name every file that could not be checked and never call the purpose covered.
 */
export function verdictOf(purpose: Use, lines: readonly RollupLine[]): { verdict: RollupVerdict; reasons: string[] } {
  const blocking = lines.filter((l) => BLOCKING.includes(l.status));
  const unknown = lines.filter((l) => l.status === 'UNKNOWN');
  const verdict: RollupVerdict = blocking.length ? 'NOT_COVERED' : unknown.length ? 'UNVERIFIED' : 'COVERED';
  const reasons =
    verdict === 'COVERED'
      ? [`${capitalised(purposeWords(purpose))} is covered`]
      : [...blocking, ...unknown].map((l) => `${l.name}: ${l.reason}`);
  return { verdict, reasons };
}
