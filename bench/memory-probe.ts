/**
 * Loaded into the API child by `bench/sse.bench.ts` (`node --expose-gc -r dist/server/bench/memory-probe.js …`), never
 * by the app itself: a tiny HTTP server on `BENCH_PROBE_PORT` answering `process.memoryUsage()` after full garbage
 * collections, so the bench reads the API process's own RSS and heap and nothing of its own.
 */
import { createServer } from 'node:http';

const port = Number(process.env['BENCH_PROBE_PORT']);
const gc = (globalThis as { gc?: () => void }).gc;

if (port) {
  const server = createServer((_request, response) => {
    void (async () => {
      // Several passes with turns of the event loop between them: finalizers and weak callbacks run, then get swept.
      for (let i = 0; i < 3; i += 1) {
        gc?.();
        await new Promise((resolve) => setImmediate(resolve));
      }
      response.setHeader('content-type', 'application/json');
      response.setHeader('connection', 'close');
      response.end(JSON.stringify({ ...process.memoryUsage(), gc: Boolean(gc) }));
    })();
  });
  server.listen(port, '127.0.0.1');
  server.unref();
}
