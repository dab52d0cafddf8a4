import { newTestService } from '@lookbook/testing';
import { NotificationService } from '../inbox/notification.service';
import type { LiveStream } from './notification-hub.service';
import { NotificationHub } from './notification-hub.service';
import { NotificationListenerRepository } from './notification-listener.repository';

const ada = '00000000-0000-4000-8000-0000000000a1';
const tom = '00000000-0000-4000-8000-0000000000b2';

function stream() {
  const pushed: unknown[] = [];
  const s: LiveStream & { pushed: unknown[]; closed: boolean } = {
    pushed,
    closed: false,
    push: (data) => void pushed.push(data),
    close: () => {
      s.closed = true;
    },
  };
  return s;
}

function setUp() {
  const { sut, mock } = newTestService(NotificationHub);
  sut.options = { maxPerUser: 2, debounceMs: 5, reconnectMs: 5 };
  let signal: (userId: string) => void = () => undefined;
  let lost: (error: Error) => void = () => undefined;
  const close = jest.fn(async () => undefined);
  const listen = mock(NotificationListenerRepository).listen.mockImplementation(async (onSignal, onLost) => {
    signal = onSignal;
    lost = onLost;
    return { close };
  });
  let count = 3;
  mock(NotificationService).unreadCount.mockImplementation(async () => count++);
  return { sut, listen, close, signal: (u: string) => signal(u), lose: () => lost(new Error('gone')), mock };
}

const settle = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

describe('NotificationHub', () => {
  it('sends the count on connect, and on a signal to every stream of that member only', async () => {
    const hub = setUp();
    const [a1, a2, t1] = [stream(), stream(), stream()];
    await hub.sut.attach(ada, a1);
    await hub.sut.attach(ada, a2);
    await hub.sut.attach(tom, t1);
    expect(hub.listen).toHaveBeenCalledTimes(1); // one listening connection per process
    hub.signal(ada);
    await settle();
    expect(a1.pushed.at(-1)).toEqual(a2.pushed.at(-1));
    expect(a1.pushed).toHaveLength(2);
    expect(t1.pushed).toHaveLength(1);
  });

  it('reads the count once for a storm of signals', async () => {
    const hub = setUp();
    const a = stream();
    await hub.sut.attach(ada, a);
    for (let i = 0; i < 1000; i++) hub.signal(ada);
    await settle();
    expect(hub.mock(NotificationService).unreadCount).toHaveBeenCalledTimes(2);
    expect(a.pushed).toEqual([{ count: 3 }, { count: 4 }]);
  });

  it('caps a member’s streams by closing the oldest, and stops listening when the last one leaves', async () => {
    const hub = setUp();
    const [a1, a2, a3] = [stream(), stream(), stream()];
    const detach1 = await hub.sut.attach(ada, a1);
    const detach2 = await hub.sut.attach(ada, a2);
    const detach3 = await hub.sut.attach(ada, a3);
    expect([a1.closed, a2.closed, a3.closed]).toEqual([true, false, false]);
    expect(hub.sut.size).toBe(2);
    detach1();
    detach2();
    expect(hub.close).not.toHaveBeenCalled();
    detach3();
    await settle();
    expect(hub.sut.size).toBe(0);
    expect(hub.close).toHaveBeenCalledTimes(1);
    hub.signal(ada);
    await settle();
    expect(a3.pushed).toHaveLength(1); // a signal for nobody here is dropped
  });

  it('reconnects a lost listener and pushes fresh counts (signals may have been missed)', async () => {
    const hub = setUp();
    const a = stream();
    await hub.sut.attach(ada, a);
    hub.lose();
    await settle(40);
    expect(hub.listen).toHaveBeenCalledTimes(2);
    expect(a.pushed).toEqual([{ count: 3 }, { count: 4 }]);
  });

  it('closes every stream on shutdown', async () => {
    const hub = setUp();
    const a = stream();
    await hub.sut.attach(ada, a);
    await hub.sut.onApplicationShutdown();
    expect(a.closed).toBe(true);
    expect(hub.close).toHaveBeenCalled();
  });
});
