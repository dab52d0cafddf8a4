/**
 * An independent model of the royalty rule (docs/architecture/README.md, "Lineage and royalties"), for tests to hold the
 * production cascade and the recursive SQL against. It shares no code with them: shares are exact rationals (bigint
 * numerator and denominator), the IP is found by the shortest distance to a bound ancestor, and the parts are rounded
 * by a separate largest-remainder rule.
 *
 * The rule: the platform fee comes off the top; the IP owner takes their share of what is left when the sold resource
 * or any ancestor, at ANY distance, is bound to their IP; the rest flows up the declared parent shares for at most
 * `maxDepth` generations (a resource at that distance keeps its whole portion); each author keeps what they do not
 * pass up; the seller keeps the sold resource's remainder; one person reached several ways is paid the sum.
 */
export interface Ratio {
  n: bigint;
  d: bigint;
}

export interface ReferenceNode {
  author: string;
  parents: { id: string; shareBps: number }[];
  /** Set on a resource bound to an IP. */
  ip?: { owner: string; shareBps: number };
}

const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y) [x, y] = [y, x % y];
  return x || 1n;
};
export const ratio = (n: bigint, d = 1n): Ratio => {
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
};
const add = (a: Ratio, b: Ratio) => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
const mul = (a: Ratio, b: Ratio) => ratio(a.n * b.n, a.d * b.d);
const sub = (a: Ratio, b: Ratio) => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
const bps = (value: number) => ratio(BigInt(value), 10_000n);
const ONE = ratio(1n);

/** The IP the sold resource uses: the bound resource with the fewest generations between it and the sold one. */
export function referenceIp(sold: string, nodes: ReadonlyMap<string, ReferenceNode>): ReferenceNode['ip'] | undefined {
  const distance = new Map<string, number>([[sold, 0]]);
  // Relax distances until nothing changes (Bellman–Ford on unit edges: no queue order to share with production).
  for (let changed = true; changed;) {
    changed = false;
    for (const [id, at] of [...distance])
      for (const parent of nodes.get(id)?.parents ?? [])
        if ((distance.get(parent.id) ?? Infinity) > at + 1) {
          distance.set(parent.id, at + 1);
          changed = true;
        }
  }
  const bound = [...distance].filter(([id]) => nodes.get(id)?.ip).sort((a, b) => a[1] - b[1]);
  return bound.length ? nodes.get(bound[0]![0])!.ip : undefined;
}

/** Each recipient's exact fraction of the price ('platform' for the fee), summing to exactly 1. */
export function referenceShares(
  sold: string,
  seller: string,
  nodes: ReadonlyMap<string, ReferenceNode>,
  feeBps: number,
  maxDepth = 5,
): Map<string, Ratio> {
  const out = new Map<string, Ratio>();
  const pay = (who: string, amount: Ratio) => {
    if (amount.n === 0n) return;
    out.set(who, add(out.get(who) ?? ratio(0n), amount));
  };
  const fee = bps(feeBps);
  pay('platform', fee);
  const afterFee = sub(ONE, fee);
  const ip = referenceIp(sold, nodes);
  if (ip) pay(ip.owner, mul(afterFee, bps(ip.shareBps)));
  const flowing = ip ? mul(afterFee, sub(ONE, bps(ip.shareBps))) : afterFee;
  const flow = (id: string, amount: Ratio, generation: number) => {
    const node = nodes.get(id);
    if (!node) throw new Error(`reference: no node ${id}`);
    const who = id === sold ? seller : node.author;
    if (generation === maxDepth || !node.parents.length) return pay(who, amount);
    let kept = amount;
    for (const parent of node.parents) {
      const passed = mul(amount, bps(parent.shareBps));
      kept = sub(kept, passed);
      flow(parent.id, passed, generation + 1);
    }
    pay(who, kept);
  };
  flow(sold, flowing, 0);
  return out;
}

const floorOf = (r: Ratio) => r.n / r.d;

/**
 * Whole minor units by the largest-remainder rule: everyone gets the floor of their exact amount, then the units left
 * go one each to the largest fractional parts; equal fractions go to the earlier entry of `order`.
 */
export function referenceAllocation(
  price: number,
  shares: ReadonlyMap<string, Ratio>,
  order: readonly string[],
): Map<string, number> {
  const exact = order
    .filter((who) => shares.has(who))
    .map((who) => ({ who, amount: mul(shares.get(who)!, ratio(BigInt(price))) }));
  if (exact.length !== shares.size) throw new Error('reference: the order must name every recipient');
  const floors = exact.map((e) => ({ ...e, floor: floorOf(e.amount), rest: sub(e.amount, ratio(floorOf(e.amount))) }));
  let left = BigInt(price) - floors.reduce((s, f) => s + f.floor, 0n);
  const ranked = floors
    .map((f, index) => ({ f, index }))
    .sort((a, b) => {
      const diff = sub(b.f.rest, a.f.rest).n; // > 0: b's fraction is larger
      return diff === 0n ? a.index - b.index : diff > 0n ? 1 : -1;
    });
  for (const { f } of ranked) {
    if (left === 0n) break;
    f.floor += 1n;
    left -= 1n;
  }
  return new Map(floors.map((f) => [f.who, Number(f.floor)]));
}

/**
 * Whether `amounts` is a largest-remainder rounding of `shares` of `price`, whatever the order of ties: the parts sum
 * to the price, each is the floor or the ceiling of its exact amount, and every part rounded up had a fraction at
 * least as large as every part rounded down. Returns what is wrong, or null.
 */
export function largestRemainderViolation(
  price: number,
  shares: ReadonlyMap<string, Ratio>,
  amounts: ReadonlyMap<string, number>,
): string | null {
  const who = new Set([...shares.keys(), ...[...amounts].filter(([, a]) => a !== 0).map(([w]) => w)]);
  let sum = 0;
  const up: Ratio[] = [];
  const down: Ratio[] = [];
  for (const w of who) {
    const exact = mul(shares.get(w) ?? ratio(0n), ratio(BigInt(price)));
    const got = BigInt(amounts.get(w) ?? 0);
    sum += Number(got);
    const floor = floorOf(exact);
    const rest = sub(exact, ratio(floor));
    if (got === floor) down.push(rest);
    else if (got === floor + 1n && rest.n !== 0n) up.push(rest);
    else return `${w} got ${got}, exact ${exact.n}/${exact.d}`;
  }
  if (sum !== price) return `the parts sum to ${sum}, not ${price}`;
  for (const u of up) for (const d of down) if (sub(u, d).n < 0n) return 'a smaller fraction was rounded up';
  return null;
}
