import { newTestService } from '@lookbook/testing';
import { PasswordResetService } from './password-reset.service';
import { SendPasswordResetJob } from './send-password-reset.job';

describe('SendPasswordResetJob', () => {
  it('hands the request’s address to the reset service, and lets its failure through for a retry', async () => {
    const { sut, mock } = newTestService(SendPasswordResetJob);
    const resets = mock(PasswordResetService);
    resets.sendLink.mockResolvedValueOnce(undefined);
    await sut.handle({ email: 'mira@example.com', baseUrl: 'https://look.example' });
    expect(resets.sendLink).toHaveBeenCalledWith('mira@example.com', 'https://look.example');

    resets.sendLink.mockRejectedValueOnce(new Error('database gone'));
    await expect(sut.handle({ email: 'mira@example.com', baseUrl: 'https://look.example' })).rejects.toThrow(
      'database gone',
    );
  });
});
