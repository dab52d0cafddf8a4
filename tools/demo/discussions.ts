import type { Session } from '../seed-demo';

/**
 * A thread: the opening comment by `by`, then replies as [author, text, reply to (index in the thread, 0 = the
 * opening comment)]. `{owner}` is replaced by the subject creator's handle.
 */
interface Thread {
  by: string;
  text: string;
  replies: [string, string, number][];
  /** The creator pins it (their own announcement). */
  pin?: boolean;
}

const MODEL_THREADS: Thread[][] = [
  [
    {
      by: 'owner',
      pin: true,
      text:
        '**Thanks for trying this one!** Start with a weight of `0.7`; above `0.9` the texture takes over.\n\n' +
        'Share what you make — I read every comment.',
      replies: [
        ['grace', 'Printed a tote with it at 0.7, the paper grain survives the print. Lovely.', 0],
        ['owner', 'That is exactly what it was trained for — thank you @grace!', 1],
      ],
    },
    {
      by: 'kenji',
      text: 'Does it stack with film-grain LoRAs? I tried:\n\n```\n<lora:this:0.6> <lora:film:0.4>\n```\n\nand the grain doubles.',
      replies: [
        ['owner', 'Drop the film one to *0.2*; both add noise at high frequencies.', 0],
        ['maya', 'Same here. @kenji try a lower CFG too, around 5.', 0],
        ['kenji', 'CFG 5 did it, thanks both.', 2],
      ],
    },
  ],
  [
    {
      by: 'iris',
      text: 'The colour palette is gorgeous. Any plans for a version trained on **muted** tones?',
      replies: [
        ['owner', 'Yes — a muted variant is in training. Follow me to hear when it is out.', 0],
        ['olu', '> muted tones\n\n+1, for book covers that would be perfect.', 0],
      ],
    },
  ],
  [
    {
      by: 'grace',
      text: 'Bought the commercial licence for my shop. Is the licence per design or per product line?',
      replies: [
        ['owner', 'Per product line — see the terms under *Licences*. Ping me if anything is unclear, @grace.', 0],
      ],
    },
    {
      by: 'maya',
      text: 'Works nicely with [my mood-board template](https://lookbook.example/templates).',
      replies: [],
    },
  ],
];

const TEMPLATE_THREADS: Thread[][] = [
  [
    {
      by: 'owner',
      pin: true,
      text: 'Tip: keep the seed fixed while you try prompts, then vary it once you like the composition.',
      replies: [['ada', 'Good advice. I also lower steps to 20 while exploring.', 0]],
    },
    {
      by: 'olu',
      text: 'Remixed this for poster layouts — the upscaler node made all the difference.',
      replies: [
        ['owner', 'Love it! @olu share the remix link?', 0],
        ['olu', 'It is on my profile under Templates.', 1],
      ],
    },
  ],
  [
    {
      by: 'kenji',
      text: 'Runs in about 9 s on a 4070 at 1024². Anyone tried it on 8 GB?',
      replies: [['iris', 'Works on 8 GB with tiled VAE decoding on.', 0]],
    },
  ],
];

type Subject = { kind: 'MODEL' | 'TEMPLATE'; id: string; owner: string };

/**
 * Demo discussions: threads with replies, mentions and a pinned creator comment on the first few models and
 * templates of each creator who has them. Written through the API (so counts, mentions and notifications are real),
 * the same on every start; a subject that already has comments is left as it is.
 */
export async function seedDemoDiscussions(people: Map<string, Session>): Promise<void> {
  const byHandle = new Map([...people.values()].map((s) => [s.person.handle, s]));
  const byId = new Map([...people.values()].map((s) => [s.id, s]));
  const anyone = [...people.values()][0]!;
  const { styleModels, search } = await anyone.gql<{
    styleModels: { nodes: { id: string; owner: { id: string } | null }[] };
    search: { hits: { template: { id: string; ownerId: string } | null }[] };
  }>(
    `{ styleModels(first: 100) { nodes { id owner { id } } }
       search(first: 50, filters: { kinds: [TEMPLATE] }) { hits { template { id ownerId } } } }`,
  );
  const models: Subject[] = styleModels.nodes.flatMap((m) =>
    m.owner && byId.has(m.owner.id) ? [{ kind: 'MODEL' as const, id: m.id, owner: m.owner.id }] : [],
  );
  const templates: Subject[] = search.hits.flatMap((h) =>
    h.template && byId.has(h.template.ownerId)
      ? [{ kind: 'TEMPLATE' as const, id: h.template.id, owner: h.template.ownerId }]
      : [],
  );
  // Spread over creators: each creator's first model gets a thread set, then their second, as far as sets go.
  const spread = (subjects: Subject[], sets: Thread[][]) => {
    const seen = new Map<string, number>();
    const ranked = subjects.map((s) => ({
      s,
      rank: (seen.set(s.owner, (seen.get(s.owner) ?? -1) + 1), seen.get(s.owner)!),
    }));
    return ranked
      .sort((a, b) => a.rank - b.rank)
      .slice(0, sets.length * 2)
      .map((r, i) => [r.s, sets[i % sets.length]!] as const);
  };
  for (const [subject, threads] of [...spread(models, MODEL_THREADS), ...spread(templates, TEMPLATE_THREADS)]) {
    const owner = byId.get(subject.owner)!;
    const { discussion } = await owner.gql<{ discussion: { commentCount: number } }>(
      `query($kind: DiscussionSubjectKind!, $id: UUID!) { discussion(subjectKind: $kind, subjectId: $id) { commentCount } }`,
      { kind: subject.kind, id: subject.id },
    );
    if (discussion.commentCount > 0) continue;
    const who = (handle: string) => (handle === 'owner' ? owner : (byHandle.get(handle) ?? null));
    for (const thread of threads) {
      const opener = who(thread.by);
      if (!opener) continue;
      const words = (text: string) => text.replaceAll('{owner}', owner.person.handle);
      const ids = [await post(opener, subject, words(thread.text), null)];
      for (const [by, text, to] of thread.replies) {
        const author = who(by);
        if (author) ids.push(await post(author, subject, words(text), ids[to] ?? ids[0]!));
      }
      if (thread.pin)
        await owner.gql(`mutation($id: UUID!) { pinComment(id: $id, pinned: true) { id } }`, { id: ids[0] });
    }
  }
}

/** Posts a comment, waiting out a rate limit (the demo writes faster than a person would). */
async function post(author: Session, subject: Subject, text: string, parentId: string | null): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      const { postComment } = await author.gql<{ postComment: { id: string } }>(
        `mutation($input: PostCommentInput!) { postComment(input: $input) { id } }`,
        { input: { subjectKind: subject.kind, subjectId: subject.id, parentId, text } },
      );
      return postComment.id;
    } catch (error) {
      if ((error as { code?: string }).code !== 'RATE_LIMITED' || attempt > 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 15_000));
    }
  }
}
