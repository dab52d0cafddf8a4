import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

type Json = Record<string, unknown>;

export interface MeiliRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization: string | undefined;
}

export interface MeiliTask {
  uid: number;
  indexUid: string | null;
  type: string;
  status: 'enqueued' | 'processing' | 'succeeded' | 'failed';
  error: { code: string; message: string; type: string; link: string } | null;
  /** How many times the client polled it. */
  polls: number;
}

/** What the next task of a type does instead of succeeding: fail with a code, or never finish. */
export type MeiliFault = { type: string; kind: 'fail'; code: string } | { type: string; kind: 'hang' };

interface FakeIndex {
  primaryKey: string;
  settings: Json;
  documents: Map<string, Json>;
}

/**
 * A local HTTP server that plays the parts of Meilisearch's API the adapter calls: indexes, settings, documents,
 * swaps, and the task queue with its polling. It records every request (settings payloads, document batches, task
 * polls), applies writes the way Meilisearch does (a task is enqueued, shows `processing` on its first poll, then
 * `succeeded` with its effect), and fails on purpose (a `failed` task, or one that never finishes). Search answers
 * come from `searchAnswer`: relevance is Meilisearch's, not ours to imitate; the requests are what is tested.
 */
export class MeiliStub {
  readonly requests: MeiliRequest[] = [];
  readonly tasks: MeiliTask[] = [];
  readonly indexes = new Map<string, FakeIndex>();
  faults: MeiliFault[] = [];
  searchAnswer: (body: Json, indexUid: string) => Json = () => ({ hits: [], estimatedTotalHits: 0 });
  facetAnswer: (body: Json, indexUid: string) => Json = () => ({ facetHits: [] });
  private readonly effects = new Map<number, () => void>();
  private server!: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** Requests other than task polls, as `METHOD path`. */
  calls(): string[] {
    return this.requests.filter((r) => !r.path.startsWith('/tasks/')).map((r) => `${r.method} ${r.path}`);
  }

  reset(): void {
    this.requests.length = 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://stub');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body: unknown = raw ? JSON.parse(raw) : undefined;
    const request: MeiliRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      authorization: req.headers.authorization,
    };
    this.requests.push(request);
    const [status, answer] = this.route(request);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  }

  private route(r: MeiliRequest): [number, unknown] {
    const parts = r.path.split('/').filter(Boolean);
    const key = `${r.method} /${parts.map((p, i) => (i === 1 && parts[0] !== 'multi-search' ? ':id' : p)).join('/')}`;
    const uid = parts[1] ?? '';
    const index = this.indexes.get(uid);
    const body = r.body as Json;
    switch (key) {
      case 'GET /tasks/:id':
        return this.poll(Number(uid));
      case 'POST /indexes':
        return this.enqueue(String(body['uid']), 'indexCreation', () => {
          if (this.indexes.has(String(body['uid']))) return 'index_already_exists';
          this.indexes.set(String(body['uid']), {
            primaryKey: typeof body['primaryKey'] === 'string' ? body['primaryKey'] : 'id',
            settings: {},
            documents: new Map(),
          });
        });
      case 'GET /indexes/:id':
        return index ? [200, { uid, primaryKey: index.primaryKey }] : notFound(uid);
      case 'DELETE /indexes/:id':
        return this.enqueue(uid, 'indexDeletion', () => (this.indexes.delete(uid) ? undefined : 'index_not_found'));
      case 'PATCH /indexes/:id/settings':
        return this.enqueue(uid, 'settingsUpdate', () => {
          const target = this.ensure(uid);
          target.settings = { ...target.settings, ...body };
        });
      case 'POST /indexes/:id/documents':
        return this.enqueue(uid, 'documentAdditionOrUpdate', () => {
          const target = this.ensure(uid);
          for (const doc of r.body as Json[]) target.documents.set(String(doc[target.primaryKey]), doc);
        });
      case 'POST /indexes/:id/documents/delete-batch':
        return this.enqueue(uid, 'documentDeletion', () => {
          for (const id of r.body as string[]) this.indexes.get(uid)?.documents.delete(id);
        });
      case 'GET /indexes/:id/documents':
      case 'POST /indexes/:id/documents/fetch': {
        if (!index) return notFound(uid);
        const params = (r.method === 'POST' ? body : r.query) as Record<string, unknown>;
        const offset = Number(params['offset'] ?? 0);
        const limit = Number(params['limit'] ?? 20);
        // Only the filter the adapter sends (`attribute = "value"`); anything else is refused, not ignored.
        const raw = params['filter'];
        const filter = typeof raw === 'string' ? /^(\w+) = "([^"\\]*)"$/.exec(raw) : null;
        if (raw !== undefined && !filter)
          return [400, { code: 'invalid_document_filter', message: 'stub: unsupported filter' }];
        const all = [...index.documents.values()].filter((d) => !filter || d[filter[1]!] === filter[2]);
        return [
          200,
          {
            results: all.slice(offset, offset + limit).map((d) => ({ id: d['id'] })),
            offset,
            limit,
            total: all.length,
          },
        ];
      }
      case 'GET /indexes/:id/stats':
        return index ? [200, { numberOfDocuments: index.documents.size, isIndexing: false }] : notFound(uid);
      case 'POST /indexes/:id/search':
        return index ? [200, this.searchAnswer(body, uid)] : notFound(uid);
      case 'POST /indexes/:id/facet-search':
        return index ? [200, this.facetAnswer(body, uid)] : notFound(uid);
      case 'POST /multi-search':
        return [
          200,
          {
            results: (body['queries'] as Json[]).map((q) => ({
              indexUid: q['indexUid'],
              ...this.searchAnswer(q, String(q['indexUid'])),
            })),
          },
        ];
      case 'POST /swap-indexes':
        return this.enqueue(null, 'indexSwap', () => {
          for (const swap of body as unknown as { indexes: [string, string] }[]) {
            const [a, b] = swap.indexes.map((u) => this.indexes.get(u));
            if (!a || !b) return 'index_not_found';
            this.indexes.set(swap.indexes[0], b);
            this.indexes.set(swap.indexes[1], a);
          }
        });
      default:
        return [404, { code: 'not_found', message: `stub: no route for ${key}`, type: 'invalid_request', link: '' }];
    }
  }

  /** Meilisearch creates a missing index on the first document write or settings update. */
  private ensure(uid: string): FakeIndex {
    let index = this.indexes.get(uid);
    if (!index) this.indexes.set(uid, (index = { primaryKey: 'id', settings: {}, documents: new Map() }));
    return index;
  }

  /** Enqueues a task; its effect runs when it is first polled past `processing` (a fault replaces it). */
  private enqueue(indexUid: string | null, type: string, effect: () => string | void): [number, unknown] {
    const task: MeiliTask = { uid: this.tasks.length, indexUid, type, status: 'enqueued', error: null, polls: 0 };
    this.tasks.push(task);
    const fault = this.faults.find((f) => f.type === type);
    if (fault) this.faults.splice(this.faults.indexOf(fault), 1);
    this.effects.set(task.uid, () => {
      if (fault?.kind === 'hang') return;
      const code = fault?.kind === 'fail' ? fault.code : effect();
      task.status = code ? 'failed' : 'succeeded';
      if (code) task.error = { code, message: `stub: ${code}`, type: 'invalid_request', link: '' };
    });
    return [202, { taskUid: task.uid, indexUid, status: 'enqueued', type, enqueuedAt: new Date().toISOString() }];
  }

  private poll(uid: number): [number, unknown] {
    const task = this.tasks[uid];
    if (!task) return [404, { code: 'task_not_found', message: 'stub: no task', type: 'invalid_request', link: '' }];
    task.polls += 1;
    if (task.status === 'enqueued') task.status = 'processing';
    else if (task.status === 'processing') this.effects.get(uid)?.();
    return [200, { uid: task.uid, indexUid: task.indexUid, type: task.type, status: task.status, error: task.error }];
  }
}

const notFound = (uid: string): [number, unknown] => [
  404,
  { code: 'index_not_found', message: `Index \`${uid}\` not found.`, type: 'invalid_request', link: '' },
];
