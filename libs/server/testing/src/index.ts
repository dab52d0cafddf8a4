export * from './lib/factories';
export * from './lib/fake-clock';
export * from './lib/graphql-client';
export * from './lib/tcp-proxy';
export * from './lib/test-database';
export * from './lib/safetensors-factory';
export * from './lib/reference-files';
