import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG } from '@lookbook/core';
import { IdentityModule } from '@lookbook/identity';
import { LedgerModule } from '@lookbook/ledger';
import { LicensingModule } from '@lookbook/licensing';
import { CommerceResolver } from './earnings/commerce.resolver';
import { EarningsService, PayoutEntity } from './earnings/earnings.service';
import { MoneyReviewQueue } from './earnings/review-queue';
import { LocalGateway } from './local-gateway/local-gateway';
import { LocalGatewayController } from './local-gateway/local-gateway.controller';
import { LocalGatewaySimulator } from './local-gateway/local-gateway.simulator';
import { DeliverLocalEventJob, ExpireLocalSessionsJob, LocalPayoutsJob } from './local-gateway/local-gateway.jobs';
import { LocalGatewayStore } from './local-gateway/local-gateway.store';
import { CheckoutService } from './orders/checkout.service';
import { FulfilmentService } from './orders/fulfilment.service';
import { ConnectedAccountEntity, OrderEntity, OrderSplitEntity } from './orders/order.entities';
import { RoyaltyShares } from './orders/royalty-shares';
import { PayoutAccountService } from './payouts/payout-account.service';
import { TransferJob } from './payouts/transfer.job';
import { TransferService } from './payouts/transfer.service';
import { PaymentProvider } from './provider/payment-provider';
import { StripeProvider } from './provider/stripe-provider';
import { ClawbackService } from './refunds/clawback';
import { DisputeService } from './refunds/dispute.service';
import { RefundJob, ReverseTransferJob } from './refunds/money-back.jobs';
import { RefundService } from './refunds/refund.service';
import { MoneySweepJob } from './money-sweep.job';
import { ProcessEventJob } from './webhooks/event-processor';
import { WebhookInbox } from './webhooks/webhook-inbox';
import { StripeWebhookController } from './webhooks/webhook.controller';

/**
 * Checkout, fulfilment, payouts to creators, refunds and disputes, earnings — over the payment provider port (Stripe
 * in production, the local gateway otherwise), with every money movement in the ledger.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([OrderEntity, OrderSplitEntity, ConnectedAccountEntity, PayoutEntity]),
    IdentityModule,
    LedgerModule,
    LicensingModule,
  ],
  controllers: [StripeWebhookController, LocalGatewayController],
  providers: [
    LocalGatewayStore,
    LocalGateway,
    LocalGatewaySimulator,
    {
      provide: PaymentProvider,
      inject: [APP_CONFIG, LocalGateway],
      useFactory: (config: AppConfig, local: LocalGateway): PaymentProvider => {
        if (config.payments.provider === 'stripe') {
          return new StripeProvider({
            secretKey: config.payments.stripeSecretKey!,
            host: config.payments.stripeApi.host,
            port: config.payments.stripeApi.port,
            protocol: config.payments.stripeApi.protocol,
          });
        }
        LocalGateway.assertAllowed(config);
        return local;
      },
    },
    RoyaltyShares,
    CheckoutService,
    FulfilmentService,
    ClawbackService,
    RefundService,
    DisputeService,
    TransferService,
    PayoutAccountService,
    EarningsService,
    MoneyReviewQueue,
    WebhookInbox,
    CommerceResolver,
    ProcessEventJob,
    TransferJob,
    RefundJob,
    ReverseTransferJob,
    DeliverLocalEventJob,
    ExpireLocalSessionsJob,
    LocalPayoutsJob,
    MoneySweepJob,
  ],
  exports: [PaymentProvider, LocalGateway],
})
export class CommerceModule {}
