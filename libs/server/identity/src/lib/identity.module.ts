import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AUTHENTICATOR } from '@lookbook/core';
import { AccountResolver } from './users/account.resolver';
import { AccountService } from './users/account.service';
import { ApiKeyRepository } from './api-keys/api-key.repository';
import { ApiKeyResolver } from './api-keys/api-key.resolver';
import { ApiKeyService } from './api-keys/api-key.service';
import { ApiKeyEntity } from './api-keys/api-key.entity';
import { RefreshTokenEntity } from './sessions/refresh-token.entity';
import { SessionEntity } from './sessions/session.entity';
import { PublicProfileView } from './users/public-profile.view';
import { UserEntity } from './users/user.entity';
import { IdentityAuthenticator } from './sessions/identity-authenticator';
import { IdentityFacade } from './identity.facade';
import { PasswordHasher } from './users/password-hasher';
import { SessionRepository } from './sessions/session.repository';
import { SessionResolver } from './sessions/session.resolver';
import { SessionService } from './sessions/session.service';
import { SweepSessionsJob } from './sessions/sweep-sessions.job';
import { SendPasswordResetJob } from './users/send-password-reset.job';
import { TokenSigner } from './sessions/token-signer';
import { UserRepository } from './users/user.repository';
import { AccountEmailResolver } from './users/account-email.resolver';
import { EmailChangeService } from './users/email-change.service';
import { EmailVerificationService } from './users/email-verification.service';
import { PasswordResetResolver } from './users/password-reset.resolver';
import { PasswordResetService } from './users/password-reset.service';
import { TermsAcceptanceEntity } from './users/terms-acceptance.entity';
import { AccountTokenEntity } from './tokens/account-token.entity';
import { AccountTokenRepository } from './tokens/account-token.repository';
import { AccountTokenService } from './tokens/account-token.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      UserEntity,
      PublicProfileView,
      SessionEntity,
      RefreshTokenEntity,
      ApiKeyEntity,
      AccountTokenEntity,
      TermsAcceptanceEntity,
    ]),
  ],
  providers: [
    UserRepository,
    SessionRepository,
    ApiKeyRepository,
    AccountTokenRepository,
    AccountTokenService,
    EmailVerificationService,
    EmailChangeService,
    PasswordResetService,
    PasswordHasher,
    TokenSigner,
    AccountService,
    SessionService,
    ApiKeyService,
    IdentityAuthenticator,
    { provide: AUTHENTICATOR, useExisting: IdentityAuthenticator },
    IdentityFacade,
    SweepSessionsJob,
    SendPasswordResetJob,
    AccountResolver,
    SessionResolver,
    ApiKeyResolver,
    AccountEmailResolver,
    PasswordResetResolver,
  ],
  exports: [AUTHENTICATOR, IdentityFacade],
})
export class IdentityModule {}
