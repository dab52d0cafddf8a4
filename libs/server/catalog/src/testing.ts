// Testing-only entry point (@lookbook/catalog/testing): handlers the end-to-end suites run on demand instead of waiting
// for their schedule. Production code never imports this (ESLint refuses it outside tests).
export { SweepUploadsJob } from './lib/uploads/sweep-uploads.job';
export { SyncModelMediaJob } from './lib/samples/sync-model-media.job';
