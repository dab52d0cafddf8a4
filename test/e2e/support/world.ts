import type { Role } from '@lookbook/core';
import type { GraphqlResponse, TestUser } from '@lookbook/testing';
import { gql, signUpUser } from '@lookbook/testing';
import type { TestApi } from './test-api';

/**
 * The people an end-to-end test needs, made the way the product makes them: members sign up through the API; staff
 * are members an operator then gives a role (out of band — there is no API for the first admin, so it is SQL, as the
 * demo seed does). Roles are read fresh on every request, so a promotion applies to the user's existing session.
 */
export interface World {
  member(overrides?: Parameters<typeof signUpUser>[1]): Promise<TestUser>;
  /** A member with these roles (`moderator` is support; `admin` also manages base models and roles). */
  staff(...roles: Role[]): Promise<TestUser>;
  /** Changes a user's roles as an operator would; `[]` takes them away. */
  setRoles(user: Pick<TestUser, 'id'>, roles: Role[]): Promise<void>;
  /** GraphQL as this user (their access token). */
  as(
    user: Pick<TestUser, 'accessToken'>,
  ): <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<GraphqlResponse<T>>;
}

export function world(api: TestApi): World {
  const setRoles = async (user: Pick<TestUser, 'id'>, roles: Role[]) => {
    await api.db.query(`UPDATE identity.user SET roles = $2 WHERE id = $1`, [user.id, roles]);
  };
  const member = (overrides?: Parameters<typeof signUpUser>[1]) => signUpUser(api.server, overrides);
  return {
    member,
    staff: async (...roles) => {
      const user = await member();
      await setRoles(user, roles);
      return user;
    },
    setRoles,
    as: (user) => (query, variables) => gql(api.server, query, variables, user.accessToken),
  };
}
