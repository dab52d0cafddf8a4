import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG } from '@lookbook/core';
import { IdentityModule } from '@lookbook/identity';
import { LedgerModule } from '@lookbook/ledger';
import { LicensingModule } from '@lookbook/licensing';
import { TemplatesModule } from '@lookbook/templates';
import { DisputeEntity } from './disputes/dispute.entity';
import { DisputeRepository } from './disputes/dispute.repository';
import { DisputeService } from './disputes/dispute.service';
import { EarningsRepository } from './earnings/earnings.repository';
import { EarningsResolver } from './earnings/earnings.resolver';
import { SaleResolver } from './earnings/sale.resolver';
import { EarningsService } from './earnings/earnings.service';
import { CheckoutSync } from './orders/checkout-sync.service';
import { CheckoutService } from './orders/checkout.service';
import { FulfilmentService } from './orders/fulfilment.service';
import { OrderLineEntity } from './orders/order-line.entity';
import { OrderSplitEntity } from './orders/order-split.entity';
import { OrderEntity } from './orders/order.entity';
import { OrderRepository } from './orders/order.repository';
import { OrderLineResolver } from './orders/order-line.resolver';
import { OrderSubjectResolver } from './orders/order-subject.resolver';
import { OrderResolver } from './orders/order.resolver';
import { OrderService } from './orders/order.service';
import { ConnectedAccountEntity } from './payouts/connected-account.entity';
import { PayoutAccountResolver } from './payouts/payout-account.resolver';
import { PayoutAccountService } from './payouts/payout-account.service';
import { PayoutEntity } from './payouts/payout.entity';
import { PayoutRepository } from './payouts/payout.repository';
import { TransferScheduler } from './payouts/transfer-scheduler.service';
import { TransferJob } from './payouts/transfer.job';
import { TransferService } from './payouts/transfer.service';
import { LocalGateway } from './provider/local/local-gateway';
import { LocalGatewayController } from './provider/local/local-gateway.controller';
import { DeliverLocalEventJob } from './provider/local/deliver-local-event.job';
import { ExpireLocalSessionsJob } from './provider/local/expire-local-sessions.job';
import { LocalPayoutsJob } from './provider/local/local-payouts.job';
import { LocalGatewayRepository } from './provider/local/local-gateway.repository';
import { LocalGatewaySimulator } from './provider/local/local-gateway.simulator';
import { PaymentProvider } from './provider/payment-provider';
import { StripeProvider } from './provider/stripe/stripe-provider';
import { ClawbackService } from './refunds/clawback.service';
import { RefundLineEntity } from './refunds/refund-line.entity';
import { RefundEntity } from './refunds/refund.entity';
import { RefundJob } from './refunds/refund.job';
import { RefundRepository } from './refunds/refund.repository';
import { RefundResolver } from './refunds/refund.resolver';
import { RefundService } from './refunds/refund.service';
import { ReversalEntity } from './refunds/reversal.entity';
import { ReverseTransferJob } from './refunds/reverse-transfer.job';
import { MoneyReviewRepository } from './support/money-review.repository';
import { MoneyReviewResolver } from './support/money-review.resolver';
import { MoneyReviewService } from './support/money-review.service';
import { MoneySweepJob } from './support/money-sweep.job';
import { ProcessEventJob } from './webhooks/process-event.job';
import { WebhookEventEntity } from './webhooks/webhook-event.entity';
import { WebhookEventRepository } from './webhooks/webhook-event.repository';
import { WebhookInbox } from './webhooks/webhook-inbox.service';
import { StripeWebhookController } from './webhooks/webhook.controller';

export interface CommerceModuleOptions {
  /** Which payment adapter this process talks to; only that one is registered. */
  provider: AppConfig['payments']['provider'];
}

/** The payment adapters, side by side: each brings its port binding and whatever it needs of its own. */
const ADAPTERS: Record<CommerceModuleOptions['provider'], { providers: Provider[]; controllers: Type[] }> = {
  stripe: {
    controllers: [],
    providers: [
      {
        provide: PaymentProvider,
        inject: [APP_CONFIG],
        useFactory: (config: AppConfig): PaymentProvider =>
          new StripeProvider({
            secretKey: config.payments.stripeSecretKey!,
            host: config.payments.stripeApi.host,
            port: config.payments.stripeApi.port,
            protocol: config.payments.stripeApi.protocol,
          }),
      },
    ],
  },
  // Stripe's behaviour on our own database: its checkout page, its events (signed and delivered like Stripe's), and
  // the work Stripe does on its own clock.
  local: {
    controllers: [LocalGatewayController],
    providers: [
      LocalGatewayRepository,
      LocalGateway,
      LocalGatewaySimulator,
      {
        provide: PaymentProvider,
        inject: [APP_CONFIG, LocalGateway],
        useFactory: (config: AppConfig, local: LocalGateway): PaymentProvider => {
          LocalGateway.assertAllowed(config);
          return local;
        },
      },
      DeliverLocalEventJob,
      ExpireLocalSessionsJob,
      LocalPayoutsJob,
    ],
  },
};

/**
 * Checkout, fulfilment, payouts to creators, refunds and disputes, earnings — over the payment provider port (Stripe
 * in production, the local gateway otherwise), with every money movement in the ledger.
 */
@Module({})
export class CommerceModule {
  static register(options: CommerceModuleOptions): DynamicModule {
    const adapter = ADAPTERS[options.provider];
    return {
      module: CommerceModule,
      imports: [
        TypeOrmModule.forFeature([
          OrderEntity,
          OrderLineEntity,
          OrderSplitEntity,
          RefundEntity,
          RefundLineEntity,
          ReversalEntity,
          DisputeEntity,
          ConnectedAccountEntity,
          PayoutEntity,
          WebhookEventEntity,
        ]),
        IdentityModule,
        LedgerModule,
        LicensingModule,
        TemplatesModule,
      ],
      controllers: [StripeWebhookController, ...adapter.controllers],
      providers: [
        ...adapter.providers,
        // orders
        OrderRepository,
        OrderService,
        CheckoutService,
        CheckoutSync,
        FulfilmentService,
        OrderResolver,
        OrderLineResolver,
        OrderSubjectResolver,
        // payouts
        PayoutRepository,
        TransferScheduler,
        TransferService,
        TransferJob,
        PayoutAccountService,
        PayoutAccountResolver,
        // refunds and disputes
        RefundRepository,
        ClawbackService,
        RefundService,
        RefundJob,
        ReverseTransferJob,
        RefundResolver,
        DisputeRepository,
        DisputeService,
        // earnings
        EarningsRepository,
        EarningsService,
        EarningsResolver,
        SaleResolver,
        // webhooks
        WebhookEventRepository,
        WebhookInbox,
        ProcessEventJob,
        // support
        MoneyReviewRepository,
        MoneyReviewService,
        MoneyReviewResolver,
        MoneySweepJob,
      ],
      exports: [PaymentProvider],
    };
  }
}
