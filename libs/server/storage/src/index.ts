export * from './lib/embedded-s3';
export * from './lib/object-storage';
export * from './lib/resolve-object-storage';
export * from './lib/s3-object-storage';
export * from './lib/storage.module';
export * from './lib/public-media';
