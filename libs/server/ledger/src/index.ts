export * from './lib/ledger.module';
export * from './lib/ledger.service';
