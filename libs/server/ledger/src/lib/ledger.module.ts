import { Module } from '@nestjs/common';
import { LedgerService } from './ledger.service';

/** The double-entry ledger (schema `ledger`). Needs the application's database (CoreModule). */
@Module({ providers: [LedgerService], exports: [LedgerService] })
export class LedgerModule {}
