import { loadConfig } from '@lookbook/core';
import { LocalGateway } from './local-gateway';

describe('the local gateway', () => {
  it('refuses to run in production', () => {
    const production = { ...loadConfig({}), isProduction: true };
    expect(() => LocalGateway.assertAllowed(production)).toThrow(/refuses to run with NODE_ENV=production/);
    expect(() => LocalGateway.assertAllowed(loadConfig({ NODE_ENV: 'test' }))).not.toThrow();
  });
});
