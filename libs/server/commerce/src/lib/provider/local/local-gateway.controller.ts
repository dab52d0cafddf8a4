import { Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG, Public, Roles } from '@lookbook/core';
import { ConflictError, formatMoney, NotFoundError, ValidationError } from '@lookbook/kernel';
import { ProviderRejectedError } from '../payment-provider';
import type { TestCard } from './local-gateway.simulator';
import { LocalGatewaySimulator } from './local-gateway.simulator';
import { LocalGatewayRepository } from './local-gateway.repository';

const escape = (value: unknown) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Lookbook test payments</title>
<style>body{font:16px system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem;color:#1d1d1f}
.banner{background:#fff4d6;border:1px solid #e8c55a;padding:.5rem .75rem;border-radius:6px;font-size:.9rem}
form{display:inline}button{font:inherit;padding:.6rem 1rem;margin:.4rem .4rem 0 0;border-radius:6px;border:1px solid #888;cursor:pointer}
button.primary{background:#1d1d1f;color:#fff}.amount{font-size:2rem;font-weight:600}.total{font-size:1rem;font-weight:400}
.lines{list-style:none;padding:0;margin:1rem 0}.lines li{display:flex;justify-content:space-between;gap:1rem;padding:.35rem 0;border-bottom:1px solid #ddd;overflow-wrap:anywhere}</style></head>
<body><p class="banner">Local test gateway — no real money moves. Production uses Stripe.</p>${body}</body></html>`;

/**
 * The local gateway's hosted pages (checkout, payout onboarding — public, reached by unguessable ids like Stripe's)
 * and its simulation controls (payouts, disputes, expiry — admins only, like the provider's dashboard). Everything
 * here answers 404 unless the local gateway is the configured provider.
 */
@Controller('local-gateway')
export class LocalGatewayController {
  constructor(
    private readonly gateway: LocalGatewaySimulator,
    private readonly books: LocalGatewayRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private ensureLocal() {
    if (this.config.payments.provider !== 'local') throw new NotFoundError();
  }

  /** The gateway answers like Stripe (rejections with codes); these routes answer with typed HTTP errors. */
  private async simulate<T>(run: () => Promise<T>): Promise<T> {
    this.ensureLocal();
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof ProviderRejectedError)) throw error;
      if (error.code === 'resource_missing') throw new NotFoundError('NOT_FOUND', error.message);
      throw new ConflictError((error.code ?? 'REJECTED').toUpperCase(), error.message);
    }
  }

  @Public()
  @Get('checkout/:id')
  async checkoutPage(@Param('id') id: string, @Res() reply: FastifyReply) {
    this.ensureLocal();
    const session = await this.books.get(undefined, id);
    if (session?.object !== 'checkout.session') throw new NotFoundError('CHECKOUT_NOT_FOUND', 'No such checkout');
    const intent = await this.books.get(undefined, String(session['payment_intent']));
    const error = (intent?.['last_payment_error'] as { message?: string } | null)?.message;
    const currency = String(session['currency']).toUpperCase();
    const items = (session['line_items'] as { description: string; amount_total: number }[]).map(
      (line) =>
        `<li><span>${escape(line.description)}</span><span>${escape(formatMoney(line.amount_total, currency))}</span></li>`,
    );
    const action = (card: TestCard) => `/local-gateway/checkout/${encodeURIComponent(id)}/confirm?card=${card}`;
    const body =
      session['status'] === 'open'
        ? `<h1>Pay Lookbook</h1><ul class="lines" aria-label="What you are paying for">${items.join('')}</ul>
<p class="amount"><span class="total">${items.length > 1 ? 'Total ' : ''}</span>${escape(formatMoney(Number(session['amount_total']), currency))}</p>
${error ? `<p role="alert">${escape(error)} Try another test card.</p>` : ''}
<form method="post" action="${action('succeeds')}"><button class="primary" name="pay">Pay with test card 4242</button></form>
<form method="post" action="${action('declined')}"><button name="decline">Use a card that is declined</button></form>
<form method="post" action="${action('disputed')}"><button name="dispute">Pay, then dispute the charge</button></form>
<p><a href="${escape(session['cancel_url'])}">Cancel and return</a></p>`
        : `<h1>This checkout is ${escape(session['status'])}</h1><p><a href="${escape(session['success_url'])}">Return</a></p>`;
    return reply.type('text/html; charset=utf-8').send(page('Checkout', body));
  }

  @Public()
  @Post('checkout/:id/confirm')
  async confirm(@Param('id') id: string, @Query('card') card: string, @Res() reply: FastifyReply) {
    if (card !== 'succeeds' && card !== 'declined' && card !== 'disputed') {
      throw new ValidationError('INVALID_TEST_CARD', 'card is succeeds, declined or disputed');
    }
    const { redirect } = await this.simulate(() => this.gateway.confirmCheckout(id, card));
    return reply.code(303).redirect(redirect);
  }

  @Public()
  @Get('onboarding/:link')
  async onboardingPage(@Param('link') link: string, @Res() reply: FastifyReply) {
    this.ensureLocal();
    const found = await this.books.get(undefined, link);
    if (found?.object !== 'account_link') throw new NotFoundError('ONBOARDING_LINK_NOT_FOUND', 'No such link');
    const action = (bank: string) => `/local-gateway/onboarding/${encodeURIComponent(link)}/complete?bank=${bank}`;
    const body = `<h1>Set up payouts</h1><p>Test payout account ${escape(found['account'])}.</p>
<form method="post" action="${action('succeeds')}"><button class="primary" name="complete">Use test bank account 000123456789</button></form>
<form method="post" action="${action('fails')}"><button name="failing">Use a bank account whose payouts fail</button></form>`;
    return reply.type('text/html; charset=utf-8').send(page('Payout setup', body));
  }

  @Public()
  @Post('onboarding/:link/complete')
  async completeOnboarding(@Param('link') link: string, @Query('bank') bank: string, @Res() reply: FastifyReply) {
    if (bank !== 'succeeds' && bank !== 'fails')
      throw new ValidationError('INVALID_TEST_BANK', 'bank is succeeds or fails');
    return reply.code(303).redirect(await this.simulate(() => this.gateway.completeOnboarding(link, bank)));
  }

  @Roles('admin')
  @Post('accounts/:id/payouts')
  @HttpCode(200)
  async payOut(@Param('id') id: string) {
    return { payouts: await this.simulate(() => this.gateway.payOut(id)) };
  }

  @Roles('admin')
  @Post('charges/:id/dispute')
  @HttpCode(200)
  async dispute(@Param('id') id: string) {
    return { dispute: await this.simulate(() => this.gateway.dispute(id)) };
  }

  @Roles('admin')
  @Post('disputes/:id/close')
  @HttpCode(200)
  async closeDispute(@Param('id') id: string, @Query('outcome') outcome: string) {
    if (outcome !== 'won' && outcome !== 'lost') throw new ValidationError('INVALID_OUTCOME', 'outcome is won or lost');
    await this.simulate(() => this.gateway.closeDispute(id, outcome));
    return { closed: id, outcome };
  }

  @Roles('admin')
  @Post('checkout/:id/expire')
  @HttpCode(200)
  async expire(@Param('id') id: string) {
    return { expired: await this.simulate(() => this.gateway.expireSessions({ sessionId: id, force: true })) };
  }
}
