import type { Session } from '../seed-demo';

/** What demo people say about work they hold a licence on, by stars (picked per reviewer and item, stable). */
const WORDS: Record<number, string[]> = {
  5: [
    'Exactly the look I wanted. Prompts land first try, and the sample settings are spot on.',
    'Printed a run of tote bags with it — clients asked who made the artwork.\nWorth every cent.',
    'Beautiful texture and it stays consistent across seeds. My go-to for covers now.',
  ],
  4: [
    'Lovely results at 0.8 weight. A little heavy above 1.0, but the changelog explains why.',
    'Great for mood boards; I would love a version tuned for portraits too.',
    'Clean and predictable. Trigger words are documented, which saved me an evening.',
  ],
  3: [
    'Good base, but it fights with other LoRAs. Works best on its own.',
    'Nice palette; hands still need a second pass. Fair for the price.',
  ],
  2: ['Did not suit my workflow — colours wash out with my sampler. Could be me.'],
};

const REPLIES = [
  'Thank you! Try 0.7 weight with the v2 file — it keeps the texture lighter.',
  'So glad it works for your prints. A portrait-tuned version is on my list.',
  'Thanks for the honest notes — the next version fixes the colour shift with DPM samplers.',
];

/**
 * Runs a write, waiting out a rate limit (the demo writes from one address: likes, follows and reviews share its
 * per-address budget); any other refusal (already licensed, already reviewed) answers null.
 */
async function write<T>(run: () => Promise<T>): Promise<T | null> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await run();
    } catch (error) {
      if ((error as { code?: string }).code !== 'RATE_LIMITED') return null;
      await new Promise((resolve) => setTimeout(resolve, 20_000));
    }
  }
  return null;
}

/** A stable pseudo-random number per key, so the demo is the same on every start. */
function hash(key: string): number {
  let h = 2166136261;
  for (const c of key) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

const ratingFor = (who: string, id: string) => [5, 5, 4, 4, 4, 3, 5, 2, 4, 5][hash(`rating:${who}:${id}`) % 10]!;
const wordsFor = (who: string, id: string, stars: number) => {
  const options = WORDS[stars] ?? WORDS[4]!;
  return options[hash(`words:${who}:${id}`) % options.length]!;
};

type Offer = { id: string; tier: string };
type Model = { id: string; owner: { id: string } | null; versions: { licenseOffers: Offer[] }[] };

/**
 * Verified reviews on the demo catalog: for a handful of models, two or three demo people hold a licence (the creator
 * gifts one where they do not have it yet — the seed's buyer already bought some) and review it; creators reply to
 * some; others find some helpful. Through the API, so licences, counters and notifications are as in production.
 * Idempotent: a second start finds the licences and reviews there (ALREADY_LICENSED, REVIEW_EXISTS) and moves on.
 */
export async function seedDemoReviews(people: Map<string, Session>): Promise<void> {
  const sessions = [...people.values()];
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const anyone = sessions[0]!;
  const { styleModels } = await anyone.gql<{ styleModels: { nodes: Model[] } }>(
    `{ styleModels(first: 60) { nodes { id owner { id } versions { licenseOffers { id tier } } } } }`,
  );
  const chosen = styleModels.nodes.filter((m) => m.owner && byId.has(m.owner.id) && hash(`model:${m.id}`) % 3 !== 0);
  const written: { id: string; subject: string; owner: Session; author: Session }[] = [];
  for (const model of chosen.slice(0, 12)) {
    const owner = byId.get(model.owner!.id)!;
    const offer = pickOffer(model.versions[0]?.licenseOffers ?? [], model.id);
    const reviewers = sessions
      .filter((s) => s.id !== owner.id && hash(`reviewer:${s.person.handle}:${model.id}`) % 100 < 45)
      .slice(0, 3);
    for (const reviewer of reviewers) {
      if (offer)
        await write(() =>
          owner.gql(`mutation($h: String!, $o: UUID!) { giftLicense(licenseeHandle: $h, offerId: $o) { id } }`, {
            h: reviewer.person.handle,
            o: offer.id,
          }),
        ); // null when already licensed (a purchase or an earlier start)
      const stars = ratingFor(reviewer.person.handle, model.id);
      const review = await write(() =>
        reviewer.gql<{ writeReview: { id: string } }>(
          `mutation($s: UUID!, $i: ReviewInput!) { writeReview(kind: MODEL, subjectId: $s, input: $i) { id } }`,
          { s: model.id, i: { rating: stars, body: wordsFor(reviewer.person.handle, model.id, stars) } },
        ),
      ); // null when reviewed on an earlier start, or with no licence to rest on
      if (review) written.push({ id: review.writeReview.id, subject: model.id, owner, author: reviewer });
    }
  }
  for (const [i, review] of written.entries()) {
    if (hash(`reply:${review.id}`) % 3 === 0)
      await write(() =>
        review.owner.gql(`mutation($r: UUID!, $b: String!) { replyToReview(reviewId: $r, body: $b) { id } }`, {
          r: review.id,
          b: REPLIES[i % REPLIES.length]!,
        }),
      );
    for (const voter of sessions) {
      if (voter.id === review.author.id || hash(`helpful:${voter.person.handle}:${review.id}`) % 100 >= 40) continue;
      await write(() =>
        voter.gql(`mutation($r: UUID!) { voteReviewHelpful(reviewId: $r, helpful: true) { id } }`, { r: review.id }),
      );
    }
  }
}

/** The offer a creator gifts: commercial when there is one (the badge reads "Verified licence · Commercial"). */
function pickOffer(offers: Offer[], modelId: string): Offer | undefined {
  const paid = offers.filter((o) => o.tier === 'COMMERCIAL' || o.tier === 'PERSONAL');
  return paid[hash(`offer:${modelId}`) % Math.max(1, paid.length)] ?? offers[0];
}
