export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __lookbookPostgres?: { stop(): Promise<void> } }).__lookbookPostgres?.stop();
}
