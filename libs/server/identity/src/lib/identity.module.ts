import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AUTHENTICATOR } from '@lookbook/core';
import { AccountResolver } from './account.resolver';
import { AccountService } from './account.service';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeyResolver } from './api-key.resolver';
import { ApiKeyService } from './api-key.service';
import { ApiKeyEntity } from './entities/api-key.entity';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { SessionEntity } from './entities/session.entity';
import { UserEntity } from './entities/user.entity';
import { IdentityAuthenticator } from './identity-authenticator';
import { IdentityFacade } from './identity.facade';
import { PasswordHasher } from './password-hasher';
import { SessionRepository } from './session.repository';
import { SessionResolver } from './session.resolver';
import { SessionService } from './session.service';
import { SweepSessionsJob } from './sweep-sessions.job';
import { TokenSigner } from './token-signer';
import { UserRepository } from './user.repository';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity, RefreshTokenEntity, ApiKeyEntity])],
  providers: [
    UserRepository,
    SessionRepository,
    ApiKeyRepository,
    PasswordHasher,
    TokenSigner,
    AccountService,
    SessionService,
    ApiKeyService,
    IdentityAuthenticator,
    { provide: AUTHENTICATOR, useExisting: IdentityAuthenticator },
    IdentityFacade,
    SweepSessionsJob,
    AccountResolver,
    SessionResolver,
    ApiKeyResolver,
  ],
  exports: [AUTHENTICATOR, IdentityFacade],
})
export class IdentityModule {}
