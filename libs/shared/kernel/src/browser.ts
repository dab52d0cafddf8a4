// The parts of the kernel the web client uses: no Node built-ins, no server-only dependencies.
export * from './lib/certificate';
export * from './lib/upload-parts';
export * from './lib/licence-terms';
export * from './lib/currency';
export * from './lib/model-files';
export * from './lib/price-order';
