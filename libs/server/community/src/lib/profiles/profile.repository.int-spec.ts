import type { RepositoryTestBed } from '@lookbook/testing';
import { createRepositoryTestBed } from '@lookbook/testing';
import type { ProfileImage } from './profile';
import { ProfileRepository } from './profile.repository';

describe('ProfileRepository (PostgreSQL)', () => {
  let bed: RepositoryTestBed;
  let profiles: ProfileRepository;

  beforeAll(async () => {
    bed = await createRepositoryTestBed([]);
    profiles = new ProfileRepository(bed.dataSource);
  });
  afterAll(() => bed.close());

  const image: ProfileImage = {
    key: `media/${'a'.repeat(64)}.png`,
    width: 400,
    height: 400,
    placeholder: 'LEHV6nWB2yk8pyo0adR*.7kCMdnj',
    thumbnails: [{ width: 320, height: 320, key: `media/${'b'.repeat(64)}.webp` }],
  };

  it('reads defaults for a member who never edited, then what they saved, field by field', async () => {
    const [mira, viewer] = [await bed.seed.user(), await bed.seed.user()];
    expect(await profiles.view(mira.id, null)).toEqual({
      userId: mira.id,
      bio: '',
      links: [],
      avatar: null,
      cover: null,
      showLicensesSold: false,
      viewerFollows: false,
      viewerBlocked: false,
      blocksViewer: false,
    });
    await profiles.setImage(mira.id, 'AVATAR', image, new Date());
    await profiles.save(
      {
        userId: mira.id,
        bio: 'Ink and\nwater',
        links: [{ label: 'site', url: 'https://mira.example/' }],
        showLicensesSold: true,
      },
      new Date(),
    );
    await profiles.setImage(mira.id, 'COVER', image, new Date());
    await profiles.setImage(mira.id, 'COVER', null, new Date());
    expect(await profiles.view(mira.id, viewer.id)).toMatchObject({
      bio: 'Ink and\nwater',
      links: [{ label: 'site', url: 'https://mira.example/' }],
      avatar: image,
      cover: null,
      showLicensesSold: true,
    });
    expect([...(await profiles.avatarsOf([mira.id, viewer.id])).keys()]).toEqual([mira.id]);
  });

  it("reports the viewer's follow and block of the member, and the member's block of the viewer", async () => {
    const [mira, viewer] = [await bed.seed.user(), await bed.seed.user()];
    await bed.db.query(
      `INSERT INTO community.follow (follower_id, target_kind, target_id, created_at) VALUES ($1, 'USER', $2, now())`,
      [viewer.id, mira.id],
    );
    expect(await profiles.view(mira.id, viewer.id)).toMatchObject({ viewerFollows: true, viewerBlocked: false });
    expect(await profiles.view(viewer.id, mira.id)).toMatchObject({ viewerFollows: false });
    await bed.db.query(`INSERT INTO community.user_block (blocker_id, blocked_id, created_at) VALUES ($1, $2, now())`, [
      mira.id,
      viewer.id,
    ]);
    expect(await profiles.view(mira.id, viewer.id)).toMatchObject({ blocksViewer: true, viewerBlocked: false });
    expect(await profiles.view(viewer.id, mira.id)).toMatchObject({ blocksViewer: false, viewerBlocked: true });
  });
});
