import { newTestService } from '@lookbook/testing';
import { ExpireLocalSessionsJob } from './expire-local-sessions.job';
import { LocalGatewaySimulator } from './local-gateway.simulator';

describe('the local gateway’s session expiry', () => {
  it('expires the abandoned checkouts, as Stripe does on its own clock', async () => {
    const { sut, mock } = newTestService(ExpireLocalSessionsJob);
    mock(LocalGatewaySimulator).expireSessions.mockResolvedValue(2);
    await sut.handle();
    expect(mock(LocalGatewaySimulator).expireSessions).toHaveBeenCalledWith();
    expect(mock(LocalGatewaySimulator).payOutAll).not.toHaveBeenCalled();
  });

  it('fails the job when the simulator does', async () => {
    const { sut, mock } = newTestService(ExpireLocalSessionsJob);
    mock(LocalGatewaySimulator).expireSessions.mockRejectedValue(new Error('db down'));
    await expect(sut.handle()).rejects.toThrow('db down');
  });
});
