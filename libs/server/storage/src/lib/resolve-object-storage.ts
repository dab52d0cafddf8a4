import { join } from 'node:path';
import type { AppConfig } from '@lookbook/core';
import { startEmbeddedS3 } from './embedded-s3';
import type { S3Settings } from './s3-object-storage';

export interface ResolvedObjectStorage {
  settings: S3Settings;
  embedded: boolean;
  /** Stops the embedded server if this process started it. */
  stop(): Promise<void>;
}

/**
 * S3_ENDPOINT (+ keys) when set. Otherwise the embedded default: an S3-compatible server in this process on
 * 127.0.0.1:EMBEDDED_S3_PORT with data under DATA_DIR/s3 and both buckets created.
 */
export async function resolveObjectStorage(
  config: AppConfig,
  log: (line: string) => void,
): Promise<ResolvedObjectStorage> {
  const { storage } = config;
  if (storage.endpoint && storage.accessKeyId && storage.secretAccessKey) {
    return {
      settings: {
        endpoint: storage.endpoint,
        region: storage.region,
        accessKeyId: storage.accessKeyId,
        secretAccessKey: storage.secretAccessKey,
        forcePathStyle: storage.forcePathStyle,
      },
      embedded: false,
      stop: () => Promise.resolve(),
    };
  }
  const server = await startEmbeddedS3({
    directory: join(config.dataDir, 's3'),
    port: storage.embeddedPort,
    buckets: [storage.weightsBucket, storage.mediaBucket],
  });
  log(`embedded S3 storage running on ${server.endpoint} (data in ${config.dataDir}/s3)`);
  return {
    settings: {
      endpoint: server.endpoint,
      region: storage.region,
      accessKeyId: server.accessKeyId,
      secretAccessKey: server.secretAccessKey,
      forcePathStyle: true,
    },
    embedded: true,
    stop: () => server.stop(),
  };
}

/** Environment for child processes sharing an embedded server started by the parent (npm start). */
export function storageEnvironment(settings: S3Settings): Record<string, string> {
  return {
    S3_ENDPOINT: settings.endpoint,
    S3_ACCESS_KEY_ID: settings.accessKeyId,
    S3_SECRET_ACCESS_KEY: settings.secretAccessKey,
    S3_REGION: settings.region,
    S3_FORCE_PATH_STYLE: String(settings.forcePathStyle),
  };
}
