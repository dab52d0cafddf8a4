export * from './lib/catalog.module';
export * from './lib/downloads/download-access';
export * from './lib/ingest/inspect-model-file';
export * from './lib/ingest/safetensors';
export * from './lib/ingest/training-metadata';
export { contentKey } from './lib/uploads/ingest.job';
export { choosePartSize } from './lib/uploads/upload.service';
export { SweepUploadsJob } from './lib/uploads/sweep-uploads.job';
