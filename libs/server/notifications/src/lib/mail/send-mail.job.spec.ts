import { newTestService } from '@lookbook/testing';
import { MailSender } from './mail-sender.service';
import { SendMailJob } from './send-mail.job';

describe('SendMailJob', () => {
  it('sends the mail its payload names, and lets a failure through to the queue (which retries)', async () => {
    const { sut, mock } = newTestService(SendMailJob);
    const sender = mock(MailSender);
    sender.send.mockResolvedValueOnce('SENT').mockRejectedValueOnce(new Error('relay down'));
    const mailId = '00000000-0000-4000-8000-0000000000d1';
    await sut.handle({ mailId });
    expect(sender.send).toHaveBeenCalledWith(mailId);
    await expect(sut.handle({ mailId })).rejects.toThrow('relay down');
  });
});
