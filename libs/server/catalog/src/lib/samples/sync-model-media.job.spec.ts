import { PublicMedia } from '@lookbook/storage';
import { newTestService } from '@lookbook/testing';
import type { ModelStatus } from '../models/model-status';
import type { StyleModelEntity } from '../models/style-model.entity';
import { StyleModelRepository } from '../models/style-model.repository';
import { SampleImageRepository } from './sample-image.repository';
import { SyncModelMediaJob } from './sync-model-media.job';

const MODEL = '0190a5b0-0000-7000-8000-0000000000aa';
const keys = [
  { key: 'media/own.webp', sharedWithVisible: false },
  { key: 'media/shared.webp', sharedWithVisible: true },
];

function setUp(status: ModelStatus | null) {
  const { sut, mock } = newTestService(SyncModelMediaJob);
  mock(StyleModelRepository).byId.mockResolvedValue(status ? ({ id: MODEL, status } as StyleModelEntity) : null);
  mock(SampleImageRepository).mediaKeysOfModel.mockResolvedValue(keys);
  const media = mock(PublicMedia);
  media.withhold.mockResolvedValue(undefined);
  media.restore.mockResolvedValue(undefined);
  return { run: () => sut.handle({ modelId: MODEL }), media, mock };
}

describe('making a model’s public media match its status', () => {
  it('withholds a taken-down model’s media, except keys a visible model shares', async () => {
    const { run, media } = setUp('TAKEN_DOWN');
    await run();
    expect(media.withhold.mock.calls).toEqual([['media/own.webp']]);
    expect(media.restore).not.toHaveBeenCalled();
  });

  it.each(['PUBLISHED', 'DRAFT', 'UNPUBLISHED', 'ARCHIVED'] as const)(
    'restores every key of a %s model',
    async (status) => {
      const { run, media } = setUp(status);
      await run();
      expect(media.restore.mock.calls).toEqual([['media/own.webp'], ['media/shared.webp']]);
      expect(media.withhold).not.toHaveBeenCalled();
    },
  );

  it('does nothing for a model that is gone', async () => {
    const { run, media, mock } = setUp(null);
    await run();
    expect(mock(SampleImageRepository).mediaKeysOfModel).not.toHaveBeenCalled();
    expect(media.restore).not.toHaveBeenCalled();
    expect(media.withhold).not.toHaveBeenCalled();
  });
});
