import { Controller, Get, Header } from '@nestjs/common';
import { Public } from '@lookbook/core';
import { LicenseKeyRing } from './key-ring';
import type { PublicJwk } from './key-ring';

/** The public keys that verify licence certificates offline. Old keys stay listed after rotation. */
@Controller('.well-known')
export class JwksController {
  constructor(private readonly keys: LicenseKeyRing) {}

  @Public()
  @Get('jwks.json')
  @Header('cache-control', 'public, max-age=300')
  jwks(): { keys: PublicJwk[] } {
    return this.keys.jwks();
  }
}
