import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError, UnauthenticatedError } from '@lookbook/kernel';
import type { Actor, Authenticator, Credential } from './actor';
import { API_SCOPES, credentialFromHeaders } from './actor';
import { Public, RequireScope, Roles, SessionOnly } from './auth.decorators';
import { AuthGuard } from './auth.guard';

class Handlers {
  @Public() open() {}
  closed() {}
  @Roles('admin') adminOnly() {}
  @SessionOnly() credentials() {}
  @RequireScope('download') download() {}
  @Public() @RequireScope('download') publicDownload() {}
  @Public() publicRead() {}
  @Roles('moderator') staffOnly() {}
}

const session: Actor = { userId: 'u1', roles: [], via: 'session', sessionId: 's1', scopes: API_SCOPES };
const readKey: Actor = { userId: 'u1', roles: [], via: 'api-key', apiKeyId: 'k1', scopes: ['read'] };

function contextFor(handler: keyof Handlers, headers: Record<string, string> = {}, method = 'GET'): ExecutionContext {
  const request = { id: 'r', ip: '127.0.0.1', headers, method };
  return {
    getType: () => 'http',
    getHandler: () => Handlers.prototype[handler],
    getClass: () => Handlers,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

function guardWith(actor: Actor | Error): { guard: AuthGuard; calls: Credential[] } {
  const calls: Credential[] = [];
  const authenticator: Authenticator = {
    authenticate: async (credential) => {
      calls.push(credential);
      if (actor instanceof Error) throw actor;
      return actor;
    },
  };
  return { guard: new AuthGuard(new Reflector(), authenticator), calls };
}

describe('AuthGuard', () => {
  it('lets anonymous callers reach only @Public handlers', async () => {
    const { guard } = guardWith(session);
    await expect(guard.canActivate(contextFor('open'))).resolves.toBe(true);
    await expect(guard.canActivate(contextFor('closed'))).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('verifies a presented credential even on public handlers', async () => {
    const { guard } = guardWith(new UnauthenticatedError('INVALID_TOKEN'));
    await expect(guard.canActivate(contextFor('open', { authorization: 'Bearer bad' }))).rejects.toMatchObject({
      code: 'INVALID_TOKEN',
    });
  });

  it('checks roles', async () => {
    await expect(
      guardWith(session).guard.canActivate(contextFor('adminOnly', { authorization: 'Bearer t' })),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const admin = { ...session, roles: ['admin' as const] };
    await expect(
      guardWith(admin).guard.canActivate(contextFor('adminOnly', { authorization: 'Bearer t' })),
    ).resolves.toBe(true);
  });

  it('holds API keys to their scopes and away from credential management', async () => {
    const { guard } = guardWith(readKey);
    const key = { authorization: 'Bearer lbk_x' };
    await expect(guard.canActivate(contextFor('closed', key))).resolves.toBe(true);
    await expect(guard.canActivate(contextFor('download', key))).rejects.toMatchObject({ code: 'API_KEY_SCOPE' });
    await expect(guard.canActivate(contextFor('credentials', key))).rejects.toMatchObject({ code: 'SESSION_REQUIRED' });
    await expect(guard.canActivate(contextFor('publicDownload', key))).rejects.toMatchObject({ code: 'API_KEY_SCOPE' });
    await expect(guard.canActivate(contextFor('publicDownload'))).resolves.toBe(true);
    await expect(
      guardWith(session).guard.canActivate(contextFor('credentials', { authorization: 'Bearer t' })),
    ).resolves.toBe(true);
  });
});

describe('AuthGuard scopes on REST routes', () => {
  const keyWith = (...scopes: Actor['scopes'][number][]): Actor => ({ ...readKey, roles: ['moderator'], scopes });
  const key = { authorization: 'Bearer lbk_x' };

  it.each([
    ['GET', 'read'],
    ['HEAD', 'read'],
    ['POST', 'write'],
    ['PUT', 'write'],
    ['PATCH', 'write'],
    ['DELETE', 'write'],
  ] as const)('a %s route needs the %s scope', async (method, scope) => {
    const other = scope === 'read' ? 'write' : 'read';
    await expect(guardWith(keyWith(scope)).guard.canActivate(contextFor('closed', key, method))).resolves.toBe(true);
    await expect(guardWith(keyWith(other)).guard.canActivate(contextFor('closed', key, method))).rejects.toMatchObject({
      code: 'API_KEY_SCOPE',
    });
  });

  it('holds a presented key to its scope on public routes too; anonymous callers pass', async () => {
    await expect(guardWith(keyWith('write')).guard.canActivate(contextFor('publicRead', key))).rejects.toMatchObject({
      code: 'API_KEY_SCOPE',
    });
    await expect(guardWith(keyWith('read')).guard.canActivate(contextFor('publicRead', key))).resolves.toBe(true);
    await expect(guardWith(session).guard.canActivate(contextFor('publicRead'))).resolves.toBe(true);
  });

  it('takes the admin scope (and the role) for staff handlers, whatever the method', async () => {
    for (const method of ['GET', 'POST']) {
      await expect(
        guardWith(keyWith('read', 'write', 'download')).guard.canActivate(contextFor('staffOnly', key, method)),
      ).rejects.toMatchObject({ code: 'API_KEY_SCOPE' });
      await expect(guardWith(keyWith('admin')).guard.canActivate(contextFor('staffOnly', key, method))).resolves.toBe(
        true,
      );
    }
    const memberKey = { ...keyWith('admin'), roles: [] };
    await expect(guardWith(memberKey).guard.canActivate(contextFor('staffOnly', key))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe('credentialFromHeaders', () => {
  it.each([
    [{}, undefined],
    [{ authorization: 'Bearer abc.def' }, { kind: 'access-token', token: 'abc.def' }],
    [{ authorization: 'bearer lbk_123' }, { kind: 'api-key', key: 'lbk_123' }],
    [{ 'x-api-key': 'lbk_9' }, { kind: 'api-key', key: 'lbk_9' }],
    [{ authorization: 'Basic dXNlcjpwYXNz' }, { kind: 'access-token', token: '' }],
    [{ authorization: 'Bearer a b' }, { kind: 'access-token', token: '' }],
  ])('%j → %j', (headers, expected) => {
    expect(credentialFromHeaders(headers)).toEqual(expected);
  });
});
