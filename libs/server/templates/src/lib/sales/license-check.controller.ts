import { Controller, HttpCode, Post, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '@lookbook/core';
import { CurrentActor, MaxBodyBytes, Public, RateLimiter, RequireScope } from '@lookbook/core';
import { ValidationError } from '@lookbook/kernel';
import { toRollup } from '../graphql/template.mapper';
import type { Use } from '../lineage/remix-terms';
import { USES } from '../lineage/remix-terms';
import { workflowFileBytes } from '../templates/template.controller';
import { MAX_IMPORT_IMAGE_BYTES } from '../workflows/workflow-import';
import { LicenseRollupService } from './license-rollup.service';

export const LICENSE_CHECK_RATE_LIMIT = { name: 'license-check', points: 30, durationSeconds: 60 };

@Controller('api/v1')
export class LicenseCheckController {
  constructor(
    private readonly rollups: LicenseRollupService,
    private readonly limiter: RateLimiter,
  ) {}

  /**
   * "Can I use this?": drop a ComfyUI image or workflow (the raw body, never stored) and get every model it loads,
   * matched to the catalog by hash or file name, what you hold of each, and a verdict for the purpose.
   */
  @Public()
  @RequireScope('read') // a lookup, though it is a POST (the file is the body)
  @Post('license-check')
  @HttpCode(200) // it creates nothing: the file is read and forgotten
  @MaxBodyBytes(MAX_IMPORT_IMAGE_BYTES)
  async check(
    @CurrentActor() viewer: Actor | undefined,
    @Query('purpose') purpose: string | undefined,
    @Req() request: FastifyRequest,
  ) {
    const use = (purpose ?? 'COMMERCIAL').toUpperCase();
    if (!(USES as readonly string[]).includes(use))
      throw new ValidationError('INVALID_PURPOSE', 'The purpose is PERSONAL or COMMERCIAL', { field: 'purpose' });
    // Parsing a file is real work: a runaway script must not make thousands of checks.
    await this.limiter.consume(LICENSE_CHECK_RATE_LIMIT, viewer?.userId ?? request.ip);
    return toRollup(await this.rollups.forFile(viewer, await workflowFileBytes(request), use as Use));
  }
}
