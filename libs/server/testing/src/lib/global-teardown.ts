export default async function globalTeardown(): Promise<void> {
  for (const server of (globalThis as { __lookbookServers?: { stop(): Promise<void> }[] }).__lookbookServers ?? [])
    await server.stop();
}
