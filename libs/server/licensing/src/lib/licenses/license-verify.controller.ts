import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG, ParseUuidPipe, Public, RequireScope, publicBaseUrl } from '@lookbook/core';
import { ValidationError } from '@lookbook/kernel';
import { IdentityFacade } from '@lookbook/identity';
import type { Verification } from './license-verifier.service';
import { LicenseVerifier } from './license-verifier.service';
import { toLicense } from '../graphql/licensing.mapper';

/**
 * Public licence checks for tools and anyone shown a licence: by id (`verifyUrl` of a licence), or by the certificate
 * itself. `valid` is about authenticity; `status` says whether the licence is still in force.
 */
@Controller('api/v1/licenses')
export class LicenseVerifyController {
  constructor(
    private readonly verifier: LicenseVerifier,
    private readonly identity: IdentityFacade,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get(':id/verify')
  async byId(@Param('id', ParseUuidPipe) id: string) {
    return this.present(await this.verifier.verifyById(id));
  }

  @Public()
  @RequireScope('read') // a lookup, though it is a POST (the certificate is too long for a URL)
  @Post('verify')
  @HttpCode(200)
  async byCertificate(@Body() body: unknown) {
    const certificate = (body as { certificate?: unknown } | null)?.certificate;
    if (typeof certificate !== 'string') {
      throw new ValidationError('INVALID_REQUEST', 'Send {"certificate": "<the certificate>"} as JSON');
    }
    return this.present(await this.verifier.verifyCertificate(certificate));
  }

  private async present({ valid, problem, message, grant }: Verification) {
    const license = grant && toLicense(grant, 'PUBLIC', publicBaseUrl(this.config));
    const [holder] = grant ? await this.identity.usersByIds([grant.licenseeId]) : [];
    return {
      valid,
      ...(problem ? { problem, message } : {}),
      status: grant?.status ?? null,
      revokedAt: grant?.revokedAt ?? null,
      revocationReason: grant?.revocationReason ?? null,
      license: license && {
        id: license.id,
        tier: license.tier,
        resource: license.resource,
        resourceName: license.resourceName,
        subjectKind: license.subjectKind,
        subjectId: license.subjectId,
        modelId: license.subjectId,
        versionId: license.versionId,
        licensee: { id: license.licenseeId, handle: holder?.handle ?? null, displayName: holder?.displayName ?? null },
        issuedAt: license.issuedAt,
        offerRevision: license.offerRevision,
        permissions: license.permissions,
        termsSha256: license.termsSha256,
        termsText: license.termsText,
        fileSha256s: license.fileSha256s,
        keyId: license.keyId,
      },
    };
  }
}
