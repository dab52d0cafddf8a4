import type { S3Settings } from '@lookbook/storage';

export const TEST_BUCKETS = { weights: 'lookbook-weights', media: 'lookbook-media' };

/** The run's embedded S3 server (started in globalSetup). */
export function testStorageSettings(): S3Settings {
  const endpoint = process.env['LOOKBOOK_TEST_S3_ENDPOINT'];
  if (!endpoint) throw new Error('No test S3 server: run tests through jest (globalSetup starts one).');
  return { endpoint, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true };
}
