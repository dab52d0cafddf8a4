import { Clock } from '@lookbook/core';
import { IdentityFacade } from '@lookbook/identity';
import { PublicMedia } from '@lookbook/storage';
import { anActor, FakeClock, newTestService } from '@lookbook/testing';
import { CommunityLimits } from '../community-limits';
import { emptyCounts } from '../counters/counter';
import { CounterRepository } from '../counters/counter.repository';
import type { ProfileView } from './profile';
import { ProfileRepository } from './profile.repository';
import { ProfileService } from './profile.service';

const mira = { id: '00000000-0000-4000-8000-0000000000a1', handle: 'mira', displayName: 'Mira' };
const viewer = '00000000-0000-4000-8000-0000000000f1';
const client = { ip: '203.0.113.9', userAgent: null };
const stored: ProfileView = {
  userId: mira.id,
  bio: 'old bio',
  links: [{ label: 'old', url: 'https://old.example/' }],
  avatar: null,
  cover: null,
  showLicensesSold: false,
  viewerFollows: false,
  viewerBlocked: false,
  blocksViewer: false,
};

function setUp(view: Partial<ProfileView> = {}) {
  const { sut, mock } = newTestService(ProfileService, [[Clock, new FakeClock(new Date('2026-12-07T10:00:00Z'))]]);
  mock(CommunityLimits).write.mockResolvedValue(undefined);
  const identity = mock(IdentityFacade);
  identity.userByHandle.mockResolvedValue(mira);
  identity.usersByIds.mockResolvedValue([mira]);
  identity.setDisplayName.mockImplementation(async (_, displayName) => ({ ...mira, displayName }));
  const profiles = mock(ProfileRepository);
  profiles.view.mockResolvedValue({ ...stored, ...view });
  profiles.save.mockResolvedValue(undefined);
  mock(CounterRepository).countsOf.mockResolvedValue(
    new Map([[mira.id, { ...emptyCounts(), FOLLOWERS: 4, LICENSES_SOLD: 9 }]]),
  );
  mock(PublicMedia);
  return { sut, identity, profiles };
}

describe('ProfileService', () => {
  it('shows licences sold only when the creator opted in, or to the creator', async () => {
    expect((await setUp().sut.byHandle(anActor(viewer), 'mira')).licensesSold).toBeNull();
    expect((await setUp().sut.byHandle(undefined, 'mira')).licensesSold).toBeNull();
    expect((await setUp().sut.byHandle(anActor(mira.id), 'mira')).licensesSold).toBe(9);
    const shown = await setUp({ showLicensesSold: true }).sut.byHandle(anActor(viewer), 'mira');
    expect(shown).toMatchObject({ licensesSold: 9, isViewer: false, counts: { FOLLOWERS: 4 } });
  });

  it('refuses an unknown handle', async () => {
    const { sut, identity } = setUp();
    identity.userByHandle.mockResolvedValue(null);
    await expect(sut.byHandle(undefined, 'nobody')).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
  });

  it('changes only the fields given, keeping the rest, and the display name through identity', async () => {
    const { sut, identity, profiles } = setUp();
    const result = await sut.update(anActor(mira.id), client, {
      displayName: 'Mira Ink',
      links: [{ url: 'https://mira.example/work' }, { label: 'Shop', url: 'http://shop.example' }],
    });
    expect(identity.setDisplayName).toHaveBeenCalledWith(mira.id, 'Mira Ink', expect.any(Date));
    expect(profiles.save).toHaveBeenCalledWith(
      {
        userId: mira.id,
        bio: 'old bio',
        links: [
          { label: 'mira.example', url: 'https://mira.example/work' },
          { label: 'Shop', url: 'http://shop.example/' },
        ],
        showLicensesSold: false,
      },
      expect.any(Date),
    );
    expect(result.user.displayName).toBe('Mira Ink');
    await sut.update(anActor(mira.id), client, { bio: '', showLicensesSold: true });
    expect(profiles.save).toHaveBeenLastCalledWith(
      expect.objectContaining({ bio: '', links: stored.links, showLicensesSold: true }),
      expect.any(Date),
    );
  });

  it.each([
    ['a javascript: link', { links: [{ url: 'javascript:alert(1)' }] }, 'INVALID_LINKS'],
    ['a data: link', { links: [{ url: 'data:text/html,<script>alert(1)</script>' }] }, 'INVALID_LINKS'],
    ['a relative link', { links: [{ url: '/u/mira' }] }, 'INVALID_LINKS'],
    ['credentials in a link', { links: [{ url: 'https://user:pw@example.com' }] }, 'INVALID_LINKS'],
    ['six links', { links: Array.from({ length: 6 }, (_, i) => ({ url: `https://e${i}.example` })) }, 'INVALID_LINKS'],
    ['the same link twice', { links: [{ url: 'https://e.example' }, { url: 'https://e.example/' }] }, 'INVALID_LINKS'],
    ['an overlong link', { links: [{ url: `https://e.example/${'a'.repeat(300)}` }] }, 'INVALID_TEXT'],
    ['a NUL in a label', { links: [{ label: 'a\u0000b', url: 'https://e.example' }] }, 'INVALID_TEXT'],
    ['an overlong bio', { bio: 'x'.repeat(1001) }, 'INVALID_BIO'],
    ['a bidi override in the bio', { bio: 'hello \u202Eevil' }, 'INVALID_TEXT'],
  ])('refuses %s and changes nothing, not even a valid display name sent with it', async (_, edit, code) => {
    const { sut, identity, profiles } = setUp();
    await expect(sut.update(anActor(mira.id), client, { displayName: 'Fine', ...edit })).rejects.toMatchObject({
      code,
    });
    expect(identity.setDisplayName).not.toHaveBeenCalled();
    expect(profiles.save).not.toHaveBeenCalled();
  });

  it('keeps markup in a bio as text (it is never rendered as markup)', async () => {
    const { sut, profiles } = setUp();
    await sut.update(anActor(mira.id), client, { bio: '<img src=x onerror=alert(1)> **bold**' });
    expect(profiles.save).toHaveBeenCalledWith(
      expect.objectContaining({ bio: '<img src=x onerror=alert(1)> **bold**' }),
      expect.any(Date),
    );
  });
});
