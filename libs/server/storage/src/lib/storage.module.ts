import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { OBJECT_STORAGE } from './object-storage';
import { PublicMedia } from './public-media';
import type { S3Settings } from './s3-object-storage';
import { S3ObjectStorage } from './s3-object-storage';

@Injectable()
class StorageShutdown implements OnApplicationShutdown {
  constructor(@Inject(OBJECT_STORAGE) private readonly storage: S3ObjectStorage) {}
  onApplicationShutdown(): void {
    this.storage.destroy();
  }
}

/** Provides OBJECT_STORAGE (the S3 adapter) for the resolved endpoint, and PublicMedia on top of it. */
@Global()
@Module({})
export class StorageModule {
  static forRoot(settings: S3Settings): DynamicModule {
    return {
      module: StorageModule,
      providers: [
        { provide: OBJECT_STORAGE, useFactory: () => new S3ObjectStorage(settings) },
        PublicMedia,
        StorageShutdown,
      ],
      exports: [OBJECT_STORAGE, PublicMedia],
    };
  }
}
