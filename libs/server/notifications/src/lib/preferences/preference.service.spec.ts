import { Clock, RateLimiter } from '@lookbook/core';
import { anActor, FakeClock, newTestService } from '@lookbook/testing';
import { UnsubscribeTokens } from '../digest/unsubscribe-token';
import type { KindPreference } from '../inbox/notification-rules';
import { PreferenceRepository } from './preference.repository';
import { PreferenceService } from './preference.service';

const ada = anActor('00000000-0000-4000-8000-0000000000a1');
const tom = '00000000-0000-4000-8000-0000000000b2';
const now = new Date('2026-12-07T12:00:00.000Z');
const tokens = new UnsubscribeTokens(new TextEncoder().encode('s'.repeat(40)));

function setUp(chosen: KindPreference[] = []) {
  const { sut, mock } = newTestService(PreferenceService, [
    [UnsubscribeTokens, tokens],
    [Clock, new FakeClock(now)],
  ]);
  const rows = mock(PreferenceRepository);
  rows.chosenBy.mockResolvedValue(chosen);
  rows.save.mockResolvedValue(undefined);
  rows.emailOff.mockResolvedValue(undefined);
  mock(RateLimiter).consume.mockResolvedValue(undefined);
  return { sut, rows };
}

describe('PreferenceService', () => {
  it('saves the given kinds and answers with every kind', async () => {
    const { sut, rows } = setUp();
    const choice: KindPreference = { kind: 'LIKE', inApp: false, email: 'OFF' };
    expect(await sut.update(ada, [choice])).toHaveLength(13);
    expect(rows.save).toHaveBeenCalledWith(ada.userId, [choice], now);
  });

  it.each([
    ['nothing', []],
    [
      'a kind twice',
      [
        { kind: 'LIKE', inApp: true, email: 'OFF' },
        { kind: 'LIKE', inApp: false, email: 'OFF' },
      ],
    ],
    ['an unknown kind', [{ kind: 'POKE', inApp: true, email: 'OFF' }]],
    ['an unknown mail choice', [{ kind: 'LIKE', inApp: true, email: 'HOURLY' }]],
    ['no in-app choice', [{ kind: 'LIKE', email: 'OFF' }]],
  ])('refuses %s, saving nothing', async (_what, choices) => {
    const { sut, rows } = setUp();
    await expect(sut.update(ada, choices as KindPreference[])).rejects.toMatchObject({ code: 'INVALID_PREFERENCES' });
    expect(rows.save).not.toHaveBeenCalled();
  });

  it('turns one kind’s mail off from its signed link, without a session', async () => {
    const { sut, rows } = setUp();
    expect(await sut.unsubscribe(ada.userId, 'SALE', tokens.sign(ada.userId, 'SALE'))).toEqual({
      ok: true,
      kinds: ['SALE'],
    });
    expect(rows.emailOff).toHaveBeenCalledWith(ada.userId, ['SALE'], now);
  });

  it('turns the digest off: every kind that went to it, and only those', async () => {
    const { sut, rows } = setUp([
      { kind: 'SALE', inApp: true, email: 'DIGEST' },
      { kind: 'LIKE', inApp: true, email: 'OFF' },
    ]);
    const outcome = await sut.unsubscribe(ada.userId, 'DIGEST', tokens.sign(ada.userId, 'DIGEST'));
    expect(outcome).toEqual({ ok: true, kinds: ['FOLLOW', 'COMMENT', 'SALE', 'SAVED_SEARCH_MATCH'] });
    expect(rows.emailOff).toHaveBeenCalledWith(ada.userId, ['FOLLOW', 'COMMENT', 'SALE', 'SAVED_SEARCH_MATCH'], now);
  });

  it.each([
    ['a tampered token', ada.userId, 'SALE', tokens.sign(ada.userId, 'SALE').slice(0, -2) + 'xx'],
    ['another member’s token', tom, 'SALE', tokens.sign(ada.userId, 'SALE')],
    ['another kind’s token', ada.userId, 'LIKE', tokens.sign(ada.userId, 'SALE')],
    ['no token', ada.userId, 'SALE', ''],
  ])('refuses %s, changing nothing', async (_what, userId, scope, token) => {
    const { sut, rows } = setUp();
    expect(await sut.unsubscribe(userId, scope, token)).toEqual({ ok: false });
    expect(rows.emailOff).not.toHaveBeenCalled();
  });
});
