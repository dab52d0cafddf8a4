import { APP_CONFIG } from '@lookbook/core';
import { newTestService, testConfig } from '@lookbook/testing';
import { verifyWebhook, webhookSecrets } from '../../webhooks/webhook-secrets';
import { DeliverLocalEventJob } from './deliver-local-event.job';
import { LocalGatewayRepository } from './local-gateway.repository';

const URL = 'http://127.0.0.1:9/webhooks/stripe';
const config = testConfig({ AUTH_SECRET: 'a-local-gateway-test-secret-0123456789', LOCAL_GATEWAY_WEBHOOK_URL: URL });
const event = {
  id: 'evt_local_1',
  object: 'event',
  type: 'checkout.session.completed',
  data: { object: { id: 'cs_1' } },
};

function setUp(stored: Record<string, unknown> | null, status = 200) {
  const { sut, mock } = newTestService(DeliverLocalEventJob, [[APP_CONFIG, config]]);
  mock(LocalGatewayRepository).get.mockResolvedValue(stored as never);
  const fetch = jest.spyOn(globalThis, 'fetch').mockResolvedValue(new Response(null, { status }));
  return { run: () => sut.handle({ eventId: 'evt_local_1' }), fetch, mock };
}

describe('delivering a local-gateway event to the webhook route', () => {
  afterEach(() => jest.restoreAllMocks());

  it('posts the stored event, signed as Stripe signs it, to the configured route', async () => {
    const { run, fetch, mock } = setUp(event);
    await run();
    expect(mock(LocalGatewayRepository).get).toHaveBeenCalledWith(undefined, 'evt_local_1');
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(URL);
    expect(init?.method).toBe('POST');
    const body = init?.body as string;
    expect(JSON.parse(body)).toEqual(event);
    const headers = init?.headers as Record<string, string>;
    expect(verifyWebhook(Buffer.from(body), headers['stripe-signature'], webhookSecrets(config)).id).toBe(event.id);
    expect(() => verifyWebhook(Buffer.from(`${body} `), headers['stripe-signature'], webhookSecrets(config))).toThrow();
  });

  it.each([400, 500, 503])('fails the job when the route answers %i, so the queue retries it', async (status) => {
    const { run } = setUp(event, status);
    await expect(run()).rejects.toThrow(`webhook answered ${status} for checkout.session.completed`);
  });

  it.each([200, 202, 204])('succeeds on %i', async (status) => {
    await expect(setUp(event, status).run()).resolves.toBeUndefined();
  });

  it('delivers nothing for an event that is gone', async () => {
    const { run, fetch } = setUp(null);
    await run();
    expect(fetch).not.toHaveBeenCalled();
  });
});
