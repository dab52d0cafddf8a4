export * from './lib/ingest/safetensors';
export * from './lib/ingest/inspect-model-file';
export * from './lib/ingest/training-metadata';
