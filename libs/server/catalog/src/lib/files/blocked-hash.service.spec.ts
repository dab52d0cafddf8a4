import { Clock } from '@lookbook/core';
import { FakeClock, newTestService } from '@lookbook/testing';
import { BlockedHashService } from './blocked-hash.service';
import { ModelFileRepository } from './model-file.repository';

const NOW = new Date('2026-04-01T08:00:00.000Z');
const HASH = 'ab'.repeat(32);

function setUp() {
  const { sut, mock } = newTestService(BlockedHashService, [[Clock, new FakeClock(NOW)]]);
  mock(ModelFileRepository).block.mockResolvedValue(undefined);
  return { sut, block: mock(ModelFileRepository).block };
}

describe('blocking exact bytes by their SHA-256', () => {
  it.each([
    [HASH, HASH],
    [HASH.toUpperCase(), HASH],
    [`  ${'0F'.repeat(32)}\n`, '0f'.repeat(32)],
  ])('stores %j as the lower-case hash, with the reason and the time', async (given, stored) => {
    const { sut, block } = setUp();
    await sut.block(given, '  known malware  ');
    expect(block).toHaveBeenCalledWith(stored, 'known malware', NOW);
  });

  it.each([
    ['too short', 'ab'.repeat(31)],
    ['too long', 'ab'.repeat(33)],
    ['not hexadecimal', 'zz'.repeat(32)],
    ['an AutoV2 hash', 'ABCDEF0123'],
    ['empty', ''],
  ])('refuses a hash that is %s', async (_, hash) => {
    const { sut, block } = setUp();
    await expect(sut.block(hash, 'reason')).rejects.toMatchObject({ code: 'INVALID_SHA256' });
    expect(block).not.toHaveBeenCalled();
  });

  it.each([
    ['empty', '', 'INVALID_REASON'],
    ['blank', '   ', 'INVALID_REASON'],
    ['over 500 characters', 'x'.repeat(501), 'INVALID_REASON'],
    ['on two lines', 'first\nsecond', 'INVALID_TEXT'],
  ])('refuses a reason that is %s', async (_, reason, code) => {
    const { sut, block } = setUp();
    await expect(sut.block(HASH, reason)).rejects.toMatchObject({ code });
    expect(block).not.toHaveBeenCalled();
  });

  it('counts the reason in characters, not UTF-16 units (500 emoji pass)', async () => {
    const { sut, block } = setUp();
    await sut.block(HASH, '🚫'.repeat(500));
    expect(block).toHaveBeenCalledTimes(1);
  });
});
