import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import type { ApiScope, Role } from '@lookbook/core';
import { API_SCOPES, Connection, graphqlEnum, MaturityEnum, ROLES } from '@lookbook/core';
import type { MaturityLevel } from '@lookbook/kernel';

export const RoleEnum = graphqlEnum('Role', ROLES, { upperCaseNames: true });
export const ApiScopeEnum = graphqlEnum('ApiScope', API_SCOPES, {
  upperCaseNames: true,
  valuesMap: {
    READ: { description: 'Queries.' },
    WRITE: { description: 'Mutations (never credential management).' },
    DOWNLOAD: { description: 'Download licensed files.' },
    ADMIN: { description: 'Staff operations (moderation, support); only moderators and admins can create such keys.' },
  },
});

@ObjectType({ description: 'A public profile.' })
export class User {
  @Field(() => ID) id!: string;
  @Field() handle!: string;
  @Field() displayName!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType({ description: 'The signed-in user, with private details.' })
export class Me {
  @Field(() => ID) id!: string;
  @Field() handle!: string;
  @Field() displayName!: string;
  @Field() email!: string;
  @Field(() => [RoleEnum]) roles!: Role[];
  @Field(() => MaturityEnum, { description: 'The highest maturity search shows you by default.' })
  maxMaturity!: MaturityLevel;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field({ description: 'Whether the current email address was proven by following a mailed link.' })
  emailVerified!: boolean;
}

@ObjectType()
export class AuthPayload {
  @Field() accessToken!: string;
  @Field(() => GraphQLISODateTime) accessTokenExpiresAt!: Date;
  @Field({
    description: 'One-time token: exchange it with refreshSession for a new pair. Reusing one ends the session.',
  })
  refreshToken!: string;
  @Field(() => GraphQLISODateTime) refreshTokenExpiresAt!: Date;
  @Field(() => Me) user!: Me;
}

@ObjectType()
export class Session {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) lastUsedAt!: Date;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
  @Field({ description: 'True for the session making this request.' }) current!: boolean;
}

@ObjectType()
export class ApiKey {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: 'The visible start of the key, e.g. "lbk_3f9a2c71b0de".' }) displayPrefix!: string;
  @Field(() => [ApiScopeEnum]) scopes!: ApiScope[];
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) expiresAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey) apiKey!: ApiKey;
  @Field({ description: 'The full key. Shown this once; store it now.' }) secret!: string;
}

export const SessionConnection = Connection(Session, 'Session');
export const ApiKeyConnection = Connection(ApiKey, 'ApiKey');
