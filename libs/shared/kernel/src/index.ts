export * from './lib/currency';
export * from './lib/errors';
export * from './lib/ids';
export * from './lib/money';
export * from './lib/text';
export * from './lib/certificate';
export * from './lib/upload-parts';
export * from './lib/licence-terms';
