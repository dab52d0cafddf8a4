import { QueryClient } from '@tanstack/react-query';
import { accountKeys } from '../features/account/api/keys';
import { catalogKeys } from '../features/catalog/api/keys';
import { checkoutKeys } from '../features/checkout/api/keys';
import { devInboxKeys } from '../features/dev-inbox/api/keys';
import { earningsKeys } from '../features/earnings/api/keys';
import { feedKeys } from '../features/feed/api/keys';
import { homeKeys } from '../features/home/api/keys';
import { notificationKeys } from '../features/notifications/api/keys';
import { libraryKeys } from '../features/library/api/keys';
import { staffKeys } from '../features/staff/api/keys';
import { studioKeys } from '../features/studio/api/keys';
import { templateKeys } from '../features/templates/api/keys';
import { verifyKeys } from '../features/verify/api/keys';
import { savedSearchKeys } from './saved-searches';
import {
  baseModelKeys,
  collectionKeys,
  discussionKeys,
  modelParentKeys,
  reviewKeys,
  scopes,
  searchKeys,
  sessionKeys,
  socialKeys,
} from './keys';

type Factory = { all: readonly string[] } & Record<string, unknown>;
const FACTORIES: Record<string, Factory> = {
  sessionKeys,
  searchKeys,
  baseModelKeys,
  modelParentKeys,
  accountKeys,
  catalogKeys,
  checkoutKeys,
  earningsKeys,
  libraryKeys,
  staffKeys,
  studioKeys,
  templateKeys,
  verifyKeys,
  socialKeys,
  feedKeys,
  notificationKeys,
  devInboxKeys,
  discussionKeys,
  reviewKeys,
  collectionKeys,
  homeKeys,
  savedSearchKeys,
};

/** Every key a factory builds, from sample arguments. */
function keysOf(factory: Factory): (readonly unknown[])[] {
  return Object.entries(factory)
    .filter(([name]) => name !== 'all')
    .map(([, build]) => (build as (...args: unknown[]) => readonly unknown[])('a', 'b', true));
}

describe('query keys', () => {
  it('each factory builds every key inside its own scope, and the scopes are distinct', () => {
    const used = Object.values(FACTORIES).map((factory) => factory.all[0]);
    expect(new Set(used).size).toBe(used.length);
    expect(used.sort()).toEqual(
      Object.values(scopes)
        .map(([scope]) => scope)
        .sort(),
    );
    for (const factory of Object.values(FACTORIES))
      for (const key of keysOf(factory)) expect(key.slice(0, factory.all.length)).toEqual(factory.all);
  });

  it('a scope invalidated by another feature reaches all of that scope and nothing else', async () => {
    const client = new QueryClient();
    const keys = [libraryKeys.licences(), libraryKeys.orders(), catalogKeys.model('m'), checkoutKeys.order('o')];
    for (const key of keys) client.setQueryData(key, 'cached');
    await client.invalidateQueries({ queryKey: scopes.library });
    expect(keys.map((key) => client.getQueryState(key)?.isInvalidated)).toEqual([true, true, false, false]);
  });

  it("one template's keys are all reached through it, its page for every viewer included", async () => {
    const client = new QueryClient();
    const mine = [templateKeys.page('t1', null), templateKeys.page('t1', 'u1'), templateKeys.subgraphs('t1')];
    const others = [templateKeys.page('t2', null), templateKeys.ipConsole()];
    for (const key of [...mine, ...others]) client.setQueryData(key, 'cached');
    await client.invalidateQueries({ queryKey: templateKeys.detail('t1') });
    expect(mine.map((key) => client.getQueryState(key)?.isInvalidated)).toEqual([true, true, true]);
    expect(others.map((key) => client.getQueryState(key)?.isInvalidated)).toEqual([false, false]);
  });
});
