import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { GraphqlResponse, TestUser } from '@lookbook/testing';
import { errorCode, generateCatalog, pngWithText } from '@lookbook/testing';
import type { TestApi } from './support/test-api';
import { startTestApi } from './support/test-api';
import { world } from './support/world';

const FOLLOW = `mutation($kind: FollowTargetKind!, $id: UUID!) { follow(kind: $kind, id: $id) { following followerCount } }`;
const UNFOLLOW = `mutation($kind: FollowTargetKind!, $id: UUID!) { unfollow(kind: $kind, id: $id) { following followerCount } }`;
const LIKE = `mutation($kind: LikeSubjectKind!, $id: UUID!) { like(kind: $kind, id: $id) { liked likeCount } }`;
const UNLIKE = `mutation($kind: LikeSubjectKind!, $id: UUID!) { unlike(kind: $kind, id: $id) { liked likeCount } }`;
const BLOCK = `mutation($id: UUID!) { blockUser(userId: $id) { blocked } }`;
const PROFILE = `query($handle: String!) {
  profile(handle: $handle) {
    id handle displayName bio links { label url } avatar { url thumbnails { url } } viewerFollows viewerBlocked isViewer
    stats { followers following models templates downloads likesReceived licensesSold }
  }
}`;
const FEED = `query($first: Int, $after: String) {
  followingFeed(first: $first, after: $after) {
    nodes { verb subjectKind subjectId subjectName versionName actor { handle } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const CARDS = `query($first: Int) { styleModels(first: $first) { nodes { id likeCount downloadCount viewerHasLiked } } }`;

describe('community: profiles, follows, likes, counts, the following feed and blocks over HTTP', () => {
  let api: TestApi;
  let as: ReturnType<typeof world>['as'];
  let creator: TestUser;
  let fan: TestUser;
  let models: string[];

  const ok = <T>(response: GraphqlResponse<T>): T => {
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!;
  };
  const profile = async (handle: string, user?: TestUser) =>
    ok(
      await (user ? as(user) : (q: string, v: Record<string, unknown>) => as({ accessToken: '' })(q, v))(PROFILE, {
        handle,
      }),
    ).profile as Record<string, unknown> & { stats: Record<string, number | null> };
  const statements = async (query: string, variables: Record<string, unknown>, user: TestUser) => {
    const response = await request(api.server)
      .post('/graphql')
      .set('authorization', `Bearer ${user.accessToken}`)
      .send({ query, variables });
    if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
    return Number(response.headers['x-sql-statements']);
  };

  beforeAll(async () => {
    api = await startTestApi();
    await generateCatalog(api.db, 30);
    const people = world(api);
    as = people.as;
    creator = await people.member();
    fan = await people.member();
    const rows = await api.db.query<{ id: string }>(
      `UPDATE catalog.style_model SET owner_id = $1 WHERE slug IN ('style-1', 'style-2', 'style-3') RETURNING id`,
      [creator.id],
    );
    models = rows.map((r) => r.id);
  });
  afterAll(() => api.close());

  it('edits a profile (name, bio, links, avatar through the media pipeline) and shows it publicly with stats', async () => {
    const updated = ok(
      await as(creator)(
        `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { displayName bio links { label url } } }`,
        {
          input: {
            displayName: 'Mira Ink',
            bio: 'Ink <b>and</b> water',
            links: [{ url: 'https://mira.example/work' }, { label: 'Shop', url: 'https://shop.example' }],
          },
        },
      ),
    );
    expect(updated.updateProfile).toEqual({
      displayName: 'Mira Ink',
      bio: 'Ink <b>and</b> water',
      links: [
        { label: 'mira.example', url: 'https://mira.example/work' },
        { label: 'Shop', url: 'https://shop.example/' },
      ],
    });
    // A bad link refuses the whole edit: the name sent with it is not applied.
    const refused = await as(creator)(
      `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { displayName } }`,
      { input: { displayName: 'Changed', links: [{ url: 'javascript:alert(1)' }] } },
    );
    expect(errorCode(refused)).toBe('INVALID_LINKS');

    const avatar = await request(api.server)
      .post('/api/v1/me/avatar')
      .set('authorization', `Bearer ${creator.accessToken}`)
      .set('content-type', 'image/png')
      .send(await pngWithText(64, 64, {}));
    expect(avatar.status).toBe(201);
    const wrongType = await request(api.server)
      .post('/api/v1/me/cover')
      .set('authorization', `Bearer ${creator.accessToken}`)
      .set('content-type', 'image/png')
      .send(Buffer.from('not an image'));
    expect(wrongType.status).toBeGreaterThanOrEqual(400);

    const shown = await profile(creator.handle.toUpperCase());
    expect(shown).toMatchObject({ displayName: 'Mira Ink', isViewer: false, viewerFollows: false });
    expect(shown.stats).toMatchObject({ models: 3, followers: 0, licensesSold: null });
    expect((shown.avatar as { url: string }).url).toMatch(/\/[0-9a-f]{64}\.png$/);
    expect(errorCode(await as({ accessToken: '' })(PROFILE, { handle: 'nobody-here' }))).toBe('USER_NOT_FOUND');
  });

  it('follows idempotently, refuses self-follows and unknown targets, and counts both sides', async () => {
    expect(ok(await as(fan)(FOLLOW, { kind: 'USER', id: creator.id })).follow).toEqual({
      following: true,
      followerCount: 1,
    });
    expect(ok(await as(fan)(FOLLOW, { kind: 'USER', id: creator.id })).follow).toEqual({
      following: true,
      followerCount: 1,
    });
    // Unfollowing is idempotent too, and a follow after it counts again.
    for (const expected of [0, 0])
      expect(ok(await as(fan)(UNFOLLOW, { kind: 'USER', id: creator.id })).unfollow).toEqual({
        following: false,
        followerCount: expected,
      });
    expect(ok(await as(fan)(FOLLOW, { kind: 'USER', id: creator.id })).follow).toMatchObject({ followerCount: 1 });
    expect(errorCode(await as(fan)(FOLLOW, { kind: 'USER', id: fan.id }))).toBe('SELF_FOLLOW');
    expect(errorCode(await as(fan)(FOLLOW, { kind: 'USER', id: randomUUID() }))).toBe('USER_NOT_FOUND');
    expect(errorCode(await as(fan)(FOLLOW, { kind: 'IP', id: randomUUID() }))).toBe('IP_NOT_FOUND');
    expect(errorCode(await as(fan)(FOLLOW, { kind: 'USER', id: 'not-a-uuid' }))).toBeDefined();
    expect(errorCode(await as({ accessToken: '' })(FOLLOW, { kind: 'USER', id: creator.id }))).toBe('UNAUTHENTICATED');
    expect((await profile(creator.handle, fan)).stats.followers).toBe(1);
    expect((await profile(creator.handle, fan)).viewerFollows).toBe(true);
    expect((await profile(fan.handle)).stats.following).toBe(1);
  });

  it('likes idempotently with exact counts under concurrency, refuses self-likes and unknown items', async () => {
    const [model] = models;
    expect(ok(await as(fan)(LIKE, { kind: 'MODEL', id: model })).like).toEqual({ liked: true, likeCount: 1 });
    expect(ok(await as(fan)(LIKE, { kind: 'MODEL', id: model })).like).toEqual({ liked: true, likeCount: 1 });
    expect(errorCode(await as(creator)(LIKE, { kind: 'MODEL', id: model }))).toBe('SELF_LIKE');
    expect(errorCode(await as(fan)(LIKE, { kind: 'MODEL', id: randomUUID() }))).toBe('SUBJECT_NOT_FOUND');
    expect(errorCode(await as(fan)(LIKE, { kind: 'TEMPLATE', id: model }))).toBe('SUBJECT_NOT_FOUND');

    const crowd = await Promise.all(Array.from({ length: 12 }, () => world(api).member()));
    await Promise.all(
      crowd.flatMap((u) => [as(u)(LIKE, { kind: 'MODEL', id: model }), as(u)(LIKE, { kind: 'MODEL', id: model })]),
    );
    await Promise.all(crowd.slice(0, 5).map((u) => as(u)(UNLIKE, { kind: 'MODEL', id: model })));
    const cards = ok(await as(fan)(CARDS, { first: 50 })).styleModels as {
      nodes: { id: string; likeCount: number; viewerHasLiked: boolean }[];
    };
    expect(cards.nodes.find((n) => n.id === model)).toMatchObject({ likeCount: 1 + 12 - 5, viewerHasLiked: true });
    expect((await profile(creator.handle)).stats.likesReceived).toBe(8);
  });

  it('adds no statement for counts and likes on a list, whatever its length (they come with the model rows)', async () => {
    const few = await statements(CARDS, { first: 3 }, fan);
    const many = await statements(CARDS, { first: 30 }, fan);
    expect(many).toBe(few);
    const bare = await statements(
      `query($first: Int) { styleModels(first: $first) { nodes { id } } }`,
      { first: 30 },
      fan,
    );
    expect(many).toBe(bare); // counts and "you liked it" ride in the models' statement (decision 0027)
  });

  it('shows the new work of followed creators in the feed, newest first, in pages', async () => {
    const before = ok(await as(fan)(FEED, { first: 50 })).followingFeed as { nodes: unknown[] };
    const versionId = randomUUID();
    await api.db.query(
      `INSERT INTO catalog.model_version (id, model_id, name, status, created_at, updated_at, published_at)
       VALUES ($1, $2, 'v9 ink', 'PUBLISHED', now(), now(), now())`,
      [versionId, models[1]],
    );
    const first = ok(await as(fan)(FEED, { first: 1 })).followingFeed as {
      nodes: { verb: string; versionName: string; actor: { handle: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string };
    };
    expect(first.nodes).toEqual([
      expect.objectContaining({
        verb: 'MODEL_VERSION_PUBLISHED',
        versionName: 'v9 ink',
        actor: { handle: creator.handle },
      }),
    ]);
    const all = ok(await as(fan)(FEED, { first: 50 })).followingFeed as { nodes: unknown[] };
    expect(all.nodes).toHaveLength(before.nodes.length + 1);
    expect(errorCode(await as(fan)(FEED, { after: 'garbage' }))).toBe('INVALID_CURSOR');
    // A stranger follows nobody: an empty feed, not an error.
    expect((ok(await as(await world(api).member())(FEED, {})).followingFeed as { nodes: unknown[] }).nodes).toEqual([]);
  });

  it('blocking ends follows both ways, refuses new follows and likes, and empties the feed', async () => {
    ok(await as(creator)(FOLLOW, { kind: 'USER', id: fan.id }));
    expect(ok(await as(creator)(BLOCK, { id: fan.id })).blockUser).toEqual({ blocked: true });
    expect(ok(await as(creator)(BLOCK, { id: fan.id })).blockUser).toEqual({ blocked: true });
    expect((await profile(creator.handle)).stats).toMatchObject({ followers: 0, following: 0 });
    expect((await profile(fan.handle)).stats).toMatchObject({ followers: 0, following: 0 });
    expect(errorCode(await as(fan)(FOLLOW, { kind: 'USER', id: creator.id }))).toBe('BLOCKED');
    expect(errorCode(await as(fan)(LIKE, { kind: 'MODEL', id: models[2] }))).toBe('BLOCKED');
    expect(errorCode(await as(creator)(BLOCK, { id: creator.id }))).toBe('SELF_BLOCK');
    expect((ok(await as(fan)(FEED, {})).followingFeed as { nodes: unknown[] }).nodes).toEqual([]);
    expect((await profile(fan.handle, creator)).viewerBlocked).toBe(true);
    const list = ok(await as(creator)(`{ blockedUsers { handle } }`)).blockedUsers;
    expect(list).toEqual([{ handle: fan.handle }]);
    // Taking a like back is always possible, even across a block.
    expect(ok(await as(fan)(UNLIKE, { kind: 'MODEL', id: models[0] })).unlike).toMatchObject({ liked: false });
  });

  it('rate limits bursts of community writes per account with a retry-after, changing nothing', async () => {
    const burster = await world(api).member();
    const model = models[2];
    const answers = [];
    for (let i = 0; i < 62; i++) answers.push(await as(burster)(i % 2 ? UNLIKE : LIKE, { kind: 'MODEL', id: model }));
    const limited = answers.filter((a) => errorCode(a) === 'RATE_LIMITED');
    expect(limited.length).toBe(2);
    expect(limited[0]!.errors![0]!.extensions).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(errorCode(await as(burster)(FOLLOW, { kind: 'USER', id: creator.id }))).toBe('RATE_LIMITED');
    expect((await profile(burster.handle)).stats.following).toBe(0);
  });
});
