import type { Session } from '../seed-demo';
import { seedDemoReviews } from './reviews';
import { seedDemoDiscussions } from './discussions';
import { seedDemoCollections } from './collections';
import { seedDemoHome } from './home';

/** What each demo person says about themself. */
const PROFILES: Record<string, { bio: string; links: string[] }> = {
  ada: {
    bio: 'Ink, wash and paper textures for SDXL and FLUX.\nI run Lookbook’s demo shop — say hello.',
    links: ['https://ada-okafor.example/portfolio'],
  },
  kenji: { bio: 'Film stocks and late-night city light. LoRAs trained on my own negatives.', links: [] },
  maya: {
    bio: 'Nordic landscapes, soft palettes, workflow templates for quick mood boards.',
    links: ['https://maya-lindqvist.example', 'https://shop.maya-lindqvist.example'],
  },
  olu: { bio: 'Bold colour and pattern. Textile prints, posters, Afrofuturist characters.', links: [] },
  iris: { bio: 'Botanical illustration and watercolour studies.', links: ['https://iris-moreau.example/herbarium'] },
  grace: { bio: 'Collector. I buy licences so I can print on tote bags.', links: [] },
};

/** Who follows whom among the demo accounts (handles): everyone follows a few, nobody everyone. */
const FOLLOWS: Record<string, string[]> = {
  ada: ['kenji', 'maya'],
  kenji: ['ada', 'olu', 'iris'],
  maya: ['ada', 'iris'],
  olu: ['ada', 'kenji'],
  iris: ['maya'],
  grace: ['ada', 'kenji', 'maya', 'olu'],
};

/** A stable pseudo-random choice per (person, item): spreads likes unevenly, the same on every start. */
function picks(who: string, id: string, percent: number): boolean {
  let h = 2166136261;
  for (const c of `${who}:${id}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return (h >>> 0) % 100 < percent;
}

/**
 * The demo community: bios and links, follows among the demo accounts, and likes spread over the catalog (popular
 * creators' work liked more, nobody liking their own). Made through the API, so counts are kept as in production.
 * Idempotent: follows and likes are, and a profile edit to the same text changes nothing.
 */
export async function seedDemoCommunity(people: Map<string, Session>): Promise<void> {
  const ids = new Map([...people.values()].map((s) => [s.person.handle, s.id]));
  const anyone = [...people.values()][0]!;
  // Models straight from the catalog (the search index may still be catching up on a first start); templates by search.
  const { styleModels, search } = await anyone.gql<{
    styleModels: { nodes: { id: string; owner: { id: string } | null }[] };
    search: { hits: { template: { id: string; ownerId: string } | null }[] };
  }>(
    `{ styleModels(first: 100) { nodes { id owner { id } } }
       search(first: 50, filters: { kinds: [TEMPLATE] }) { hits { template { id ownerId } } } }`,
  );
  const work = [
    ...styleModels.nodes.map((m) => ({ kind: 'MODEL', id: m.id, owner: m.owner?.id })),
    ...search.hits.flatMap((h) =>
      h.template ? [{ kind: 'TEMPLATE', id: h.template.id, owner: h.template.ownerId }] : [],
    ),
  ];
  const popularity: Record<string, number> = { ada: 70, kenji: 55, maya: 45, olu: 35, iris: 25 };
  const handleOf = new Map([...ids].map(([handle, id]) => [id, handle]));
  for (const session of people.values()) {
    const me = session.person.handle;
    const profile = PROFILES[me];
    if (profile)
      await session.gql(`mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`, {
        input: { bio: profile.bio, links: profile.links.map((url) => ({ url })) },
      });
    for (const handle of FOLLOWS[me] ?? []) {
      const target = ids.get(handle);
      if (target)
        await session.gql(`mutation($id: UUID!) { follow(kind: USER, id: $id) { following } }`, { id: target });
    }
    for (const item of work) {
      if (!item.owner || item.owner === session.id) continue;
      if (!picks(me, item.id, popularity[handleOf.get(item.owner) ?? ''] ?? 30)) continue;
      await session.gql(`mutation($kind: LikeSubjectKind!, $id: UUID!) { like(kind: $kind, id: $id) { liked } }`, {
        kind: item.kind,
        id: item.id,
      });
    }
  }
  await seedDemoReviews(people);
  await seedDemoDiscussions(people);
  await seedDemoCollections(people);
  await seedDemoHome(people);
}
