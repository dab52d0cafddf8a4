import { recoverableAmount } from './reverse-transfer.job';

describe('how much of a transfer can still be taken back', () => {
  const sent = { transferStatus: 'SENT', transferAmount: 850, reversedAmount: 0 };

  it('takes back what is asked, up to what was sent and not reversed yet', () => {
    expect(recoverableAmount(300, sent)).toBe(300);
    expect(recoverableAmount(900, sent)).toBe(850);
    expect(recoverableAmount(300, { ...sent, reversedAmount: 700 })).toBe(150);
    expect(recoverableAmount(300, { ...sent, reversedAmount: 850 })).toBe(0);
  });

  it.each(['SCHEDULED', 'WAITING_FOR_ACCOUNT', 'NETTED', 'CANCELLED'])('takes nothing from a %s split', (status) => {
    expect(recoverableAmount(300, { ...sent, transferStatus: status })).toBe(0);
  });
});
