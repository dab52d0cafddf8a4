export * from './lib/errors';
export * from './lib/ids';
export * from './lib/money';
