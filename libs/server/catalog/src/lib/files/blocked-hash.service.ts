import { Injectable } from '@nestjs/common';
import { Clock } from '@lookbook/core';
import { codePoints, oneLine } from '@lookbook/kernel';
import { CatalogErrors } from '../catalog.errors';
import { ModelFileRepository } from './model-file.repository';

/** Moderators block exact bytes: every future upload with that SHA-256 is rejected at ingest (BLOCKED_HASH). */
@Injectable()
export class BlockedHashService {
  constructor(
    private readonly files: ModelFileRepository,
    private readonly clock: Clock,
  ) {}

  async block(sha256: string, reason: string): Promise<void> {
    const hash = sha256.trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(hash)) throw CatalogErrors.invalidSha256();
    const why = oneLine(reason, 'reason');
    if (why.length < 1 || codePoints(why) > 500) throw CatalogErrors.invalidBlockReason();
    await this.files.block(hash, why, this.clock.now());
  }
}
