// Framework-free entry point (@lookbook/catalog/ingest): file inspection without Nest, TypeORM or the AWS SDK.
export * from './lib/ingest/inspect-model-file';
export * from './lib/ingest/safetensors';
export * from './lib/ingest/training-metadata';
