import type { Session } from '../seed-demo';

interface Plan {
  owner: string;
  title: string;
  description: string;
  /** Models whose names match, in this order of preference; the rest of the slots from anything public. */
  match: RegExp;
  size: number;
  notes: string[];
  editors?: string[];
  followers: string[];
  visibility?: 'PUBLIC' | 'PRIVATE';
}

/** Public collections a person enjoys browsing: themed, annotated, one curated by two people, followed by others. */
const PLANS: Plan[] = [
  {
    owner: 'kenji',
    title: 'Rainy neon nights',
    description: 'Wet asphalt, sodium lamps, reflections in puddles. The styles I reach for after midnight.',
    match: /neon|night|film|city|noir|velvet/i,
    size: 6,
    notes: [
      'Start here: the reflections hold up even at low CFG.',
      'Pairs well with a 35mm grain pass.',
      'Push the magenta for a Blade-Runner-ish mood.',
      '',
      'My favourite for shop windows in the rain.',
    ],
    followers: ['ada', 'olu', 'grace'],
  },
  {
    owner: 'iris',
    title: 'Botanical plates',
    description: 'Herbarium sheets, watercolour leaves and pressed flowers — styles that respect the specimen.',
    match: /botan|flora|water|ink|paper|wash|leaf/i,
    size: 6,
    notes: [
      'Closest to a 19th-century plate.',
      'Soft edges; lovely for ferns.',
      'Use with a cream paper background.',
      'Ink lines first, wash second.',
    ],
    editors: ['maya'],
    followers: ['ada', 'kenji', 'grace', 'olu'],
  },
  {
    owner: 'olu',
    title: 'Poster room',
    description: 'Bold colour and pattern for prints that read from across the street.',
    match: /poster|pattern|bold|print|colour|color|pop/i,
    size: 5,
    notes: ['Flat colour, great for screen prints.', 'Add a halftone for the full effect.'],
    followers: ['kenji', 'grace'],
  },
  {
    owner: 'ada',
    title: 'Quiet landscapes',
    description: 'Northern light, long shadows, room to breathe.',
    match: /nordic|landscape|soft|mist|fog|snow/i,
    size: 4,
    notes: ['For mood boards with lots of sky.'],
    followers: ['maya', 'iris'],
  },
  {
    owner: 'grace',
    title: 'Tote bag shortlist',
    description: 'What I might print next. Private for now.',
    match: /./,
    size: 3,
    notes: ['Licence covers merch?'],
    followers: [],
    visibility: 'PRIVATE',
  },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One call, waiting out a rate limit once (the community seed before this may have spent the minute's writes). */
async function call<T>(session: Session, query: string, variables: Record<string, unknown>): Promise<T> {
  try {
    return await session.gql<T>(query, variables);
  } catch (e) {
    if (!String(e).includes('RATE_LIMITED')) throw e;
    await sleep(61_000);
    return session.gql<T>(query, variables);
  }
}

/**
 * Demo collections: several public ones by the demo accounts with notes per item, one curated together (Maya edits
 * Iris's "Botanical plates"), a private shortlist, and followers. Made through the API; skipped when already there.
 */
export async function seedDemoCollections(people: Map<string, Session>): Promise<void> {
  const byHandle = new Map([...people.values()].map((s) => [s.person.handle, s]));
  const anyone = [...people.values()][0]!;
  const { styleModels } = await anyone.gql<{ styleModels: { nodes: { id: string; name: string }[] } }>(
    `{ styleModels(first: 100) { nodes { id name } } }`,
  );
  const models = [...styleModels.nodes].sort((a, b) => a.name.localeCompare(b.name));
  if (!models.length) return;
  for (const plan of PLANS) {
    const owner = byHandle.get(plan.owner);
    if (!owner) continue;
    const { myCollections } = await owner.gql<{ myCollections: { title: string }[] }>(`{ myCollections { title } }`);
    if (myCollections.some((c) => c.title === plan.title)) continue;
    const { createCollection } = await call<{ createCollection: { id: string } }>(
      owner,
      `mutation($input: CreateCollectionInput!) { createCollection(input: $input) { id } }`,
      { input: { title: plan.title, description: plan.description, visibility: plan.visibility ?? 'PUBLIC' } },
    );
    const id = createCollection.id;
    const chosen = [...models.filter((m) => plan.match.test(m.name)), ...models.filter((m) => !plan.match.test(m.name))]
      .filter((m, i, all) => all.findIndex((x) => x.id === m.id) === i)
      .slice(0, plan.size);
    for (const [i, model] of chosen.entries())
      await call(
        owner,
        `mutation($c: UUID!, $m: UUID!, $note: String) {
           addToCollection(collectionId: $c, kind: MODEL, itemId: $m, note: $note) { id } }`,
        { c: id, m: model.id, note: plan.notes[i] ?? '' },
      );
    for (const handle of plan.editors ?? []) {
      const editor = byHandle.get(handle);
      if (!editor) continue;
      await call(
        owner,
        `mutation($c: UUID!, $h: String!) { inviteCollectionEditor(collectionId: $c, handle: $h) { id } }`,
        {
          c: id,
          h: handle,
        },
      );
      await call(editor, `mutation($c: UUID!) { acceptCollectionInvite(collectionId: $c) { id } }`, { c: id });
      const extra = models.find((m) => !chosen.some((c) => c.id === m.id));
      if (extra)
        await call(
          editor,
          `mutation($c: UUID!, $m: UUID!, $note: String) {
             addToCollection(collectionId: $c, kind: MODEL, itemId: $m, note: $note) { id } }`,
          { c: id, m: extra.id, note: `Added by ${editor.person.displayName}: a wild card.` },
        );
    }
    for (const handle of plan.followers) {
      const follower = byHandle.get(handle);
      if (follower && handle !== plan.owner)
        await call(follower, `mutation($id: UUID!) { followCollection(id: $id) { following } }`, { id });
    }
  }
}
