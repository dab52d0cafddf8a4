import type { Money } from '@lookbook/kernel';
import { allocateExact, ValidationError } from '@lookbook/kernel';

/**
 * The royalty cascade: who is paid when a resource in a remix lineage sells, exactly to the cent.
 *
 * The rule (docs/architecture/templates.md, "Lineage and royalties"):
 * 1. The platform fee comes off the top.
 * 2. The IP owner takes their share (basis points, set in the IP's remix terms) of what is left, when the resource
 *    uses their IP: it is bound to it, or descends from a template that is, at ANY depth (the nearest binding counts).
 *    The depth cap below never applies to the IP owner's share.
 * 3. The rest flows up the lineage: each resource declares a share (basis points) for each direct parent; a parent's
 *    portion is split again by that parent's own declared shares, and so on; what a resource does not pass up stays
 *    with its author. The seller keeps what the sold resource does not pass up.
 * 4. Deep lineages: declared parent shares flow at most `MAX_ROYALTY_DEPTH` generations up. A resource at that depth
 *    keeps its whole portion (its ancestors are paid through it by their own agreements, not by the platform).
 * 5. One recipient reached along several paths is paid once, the sum of those paths.
 *
 * Shares multiply, so they are kept exact as integers over 10,000^(depth+2) and allocated once, together with the
 * platform fee, by the largest-remainder rule: the parts sum to the price, each within a cent of its exact share.
 */
export const MAX_ROYALTY_DEPTH = 5;
const BPS = 10_000n;

export interface LineageEntry {
  resourceId: string;
  authorId: string;
  /** Declared shares for the direct parents (basis points of this resource's portion, ≥ 0; they sum to ≤ 10,000). */
  parents: { resourceId: string; shareBps: number }[];
  /** Set on a resource bound to an IP: who owns it and their share. */
  ip?: { ownerId: string; shareBps: number };
}

/** Who shares in a sale besides the platform: the seller, and upstream along the lineage (IP owner, remix parents). */
export const SPLIT_ROLES = ['SELLER', 'IP_OWNER', 'REMIX_PARENT'] as const;
export type SplitRole = (typeof SPLIT_ROLES)[number];

export interface SplitPart {
  recipientId: string;
  role: SplitRole;
  amount: Money;
  /** The exact share of what is left after the platform fee, rounded to a basis point (for display only). */
  shareBps: number;
}

/**
 * A sale's split plan: the platform fee and each recipient's amount, summing exactly to the price. Computed here (the
 * royalty cascade, one largest-remainder allocation over all parties); commerce records it on the order line.
 */
export interface SplitPlan {
  price: Money;
  platformFee: Money;
  parts: SplitPart[];
}

const invalid = (code: string, message: string) => new ValidationError(code, message);

/** Exact weights per recipient (over a common denominator), in order: seller, IP owner, ancestors as reached. */
export function cascadeWeights(
  soldId: string,
  sellerId: string,
  lineage: ReadonlyMap<string, LineageEntry>,
): { recipientId: string; role: SplitRole; weight: bigint }[] {
  const sold = lineage.get(soldId);
  if (!sold) throw invalid('LINEAGE_UNKNOWN', `No lineage for ${soldId}`);
  const unit = BPS ** BigInt(MAX_ROYALTY_DEPTH + 1);
  const weights = new Map<string, { role: SplitRole; weight: bigint }>();
  const credit = (recipientId: string, role: SplitRole, weight: bigint) => {
    if (weight === 0n) return;
    const known = weights.get(recipientId);
    // The seller stays the seller, and the IP owner the IP owner, when they are also an ancestor's author.
    weights.set(recipientId, { role: known?.role ?? role, weight: (known?.weight ?? 0n) + weight });
  };
  // The nearest IP binding on the way up, at any depth (breadth first: nearer generations first).
  const ip = nearestIp(soldId, lineage);
  const ipWeight = ip ? (unit * BigInt(ip.shareBps)) / BPS : 0n;
  // The seller first, and a seller stays the seller when they also authored an ancestor.
  weights.set(sellerId, { role: 'SELLER', weight: 0n });
  if (ip) credit(ip.ownerId, 'IP_OWNER', ipWeight);
  const walk = (id: string, portion: bigint, depth: number, path: readonly string[]) => {
    if (path.includes(id)) throw invalid('LINEAGE_CYCLE', `The lineage of ${soldId} loops through ${id}`);
    const entry = lineage.get(id);
    if (!entry) throw invalid('LINEAGE_UNKNOWN', `No lineage for ${id}`);
    const recipient = id === soldId ? sellerId : entry.authorId;
    const role: SplitRole = id === soldId ? 'SELLER' : 'REMIX_PARENT';
    if (depth >= MAX_ROYALTY_DEPTH || entry.parents.length === 0) return credit(recipient, role, portion);
    const declared = entry.parents.reduce((sum, p) => sum + p.shareBps, 0);
    // A parent with a zero share is still a parent (the IP is found through it), it is just paid nothing.
    if (entry.parents.some((p) => !Number.isInteger(p.shareBps) || p.shareBps < 0) || declared > 10_000)
      throw invalid(
        'LINEAGE_INVALID_SHARES',
        `Parent shares of ${id} are whole, non-negative and sum to at most 10,000`,
      );
    let passed = 0n;
    for (const parent of entry.parents) {
      const share = (portion * BigInt(parent.shareBps)) / BPS;
      passed += share;
      walk(parent.resourceId, share, depth + 1, [...path, id]);
    }
    credit(recipient, role, portion - passed);
  };
  walk(soldId, unit - ipWeight, 0, []);
  return [...weights].filter(([, w]) => w.weight > 0n).map(([recipientId, w]) => ({ recipientId, ...w }));
}

/** The sale's plan: the platform fee and every recipient's amount, summing exactly to the price. */
export function royaltyPlan(
  price: Money,
  platformFeeBps: number,
  soldId: string,
  sellerId: string,
  lineage: ReadonlyMap<string, LineageEntry>,
): SplitPlan {
  if (!Number.isSafeInteger(price.amount) || price.amount <= 0)
    throw invalid('INVALID_PRICE', 'A sale has a positive price in whole minor units');
  if (!Number.isInteger(platformFeeBps) || platformFeeBps < 0 || platformFeeBps > 10_000)
    throw invalid('INVALID_PLATFORM_FEE', 'The platform fee is 0–10,000 basis points');
  const shares = cascadeWeights(soldId, sellerId, lineage);
  const unit = BPS ** BigInt(MAX_ROYALTY_DEPTH + 1);
  const fee = BigInt(platformFeeBps);
  const [platformFee, ...parts] = allocateExact(price, [fee * unit, ...shares.map((s) => (BPS - fee) * s.weight)]);
  return {
    price,
    platformFee: platformFee!,
    parts: shares.map((s, i) => ({
      recipientId: s.recipientId,
      role: s.role,
      amount: parts[i]!,
      shareBps: Number((s.weight * BPS + unit / 2n) / unit),
    })),
  };
}

/**
 * The IP the sold resource uses: the nearest binding among it and its ancestors, however far up (the lineage given may
 * reach beyond `MAX_ROYALTY_DEPTH`; only declared parent shares stop there).
 */
export function nearestIp(soldId: string, lineage: ReadonlyMap<string, LineageEntry>): LineageEntry['ip'] | undefined {
  let frontier = [soldId];
  const seen = new Set<string>();
  while (frontier.length) {
    for (const id of frontier) {
      const ip = lineage.get(id)?.ip;
      if (ip) return ip;
    }
    frontier.forEach((id) => seen.add(id));
    frontier = frontier
      .flatMap((id) => lineage.get(id)?.parents.map((p) => p.resourceId) ?? [])
      .filter((id, i, all) => !seen.has(id) && all.indexOf(id) === i);
  }
  return undefined;
}
