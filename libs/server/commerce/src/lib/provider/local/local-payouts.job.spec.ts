import { newTestService } from '@lookbook/testing';
import { LocalGatewaySimulator } from './local-gateway.simulator';
import { LocalPayoutsJob } from './local-payouts.job';

describe('the local gateway’s payouts', () => {
  it('pays every connected balance out to its bank, as Stripe does on its own clock', async () => {
    const { sut, mock } = newTestService(LocalPayoutsJob);
    mock(LocalGatewaySimulator).payOutAll.mockResolvedValue(undefined);
    await sut.handle();
    expect(mock(LocalGatewaySimulator).payOutAll).toHaveBeenCalledTimes(1);
    expect(mock(LocalGatewaySimulator).expireSessions).not.toHaveBeenCalled();
  });

  it('fails the job when the simulator does', async () => {
    const { sut, mock } = newTestService(LocalPayoutsJob);
    mock(LocalGatewaySimulator).payOutAll.mockRejectedValue(new Error('db down'));
    await expect(sut.handle()).rejects.toThrow('db down');
  });
});
