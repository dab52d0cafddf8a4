import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  /** Interim answers before the final one (`100` when the server said "continue"). */
  interim: number[];
  headers: Record<string, string>;
  body: string;
  /** The whole body was on the wire before the answer was read. */
  bodySent: boolean;
}

export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** Send the body chunked, without a Content-Length. */
  chunked?: boolean;
  /** Send `Expect: 100-continue` and the body only after `100 Continue`. */
  expectContinue?: boolean;
}

/**
 * An HTTP/1.1 client that behaves like most libraries (Python's urllib and requests, Java's, many CLIs): it writes the
 * whole request — asking the server to close the connection afterwards — and only then reads the answer. A server
 * that answers early and closes under the write makes it fail with EPIPE/ECONNRESET and no answer, which is what
 * these tests must never see.
 */
export function rawRequest(baseUrl: string, request: RawRequest): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  const body = typeof request.body === 'string' ? Buffer.from(request.body) : (request.body ?? Buffer.alloc(0));
  const headers: Record<string, string> = {
    host: `${hostname}:${port}`,
    connection: 'close',
    ...(request.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(body.length) }),
    ...(request.expectContinue ? { expect: '100-continue' } : {}),
    ...request.headers,
  };
  const head = `${request.method} ${request.path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}\r\n`;
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const received: Buffer[] = [];
    let bodySent = false;
    let waitingForContinue = !!request.expectContinue;
    const writeBody = () => {
      waitingForContinue = false;
      const done = () => {
        bodySent = true;
      };
      if (!request.chunked) {
        socket.write(body, done);
        return;
      }
      for (let at = 0; at < body.length; at += 256 * 1024) {
        const part = body.subarray(at, at + 256 * 1024);
        socket.write(`${part.length.toString(16)}\r\n`);
        socket.write(part);
        socket.write('\r\n');
      }
      socket.write('0\r\n\r\n', done);
    };
    socket.on('connect', () => {
      socket.write(head);
      if (!waitingForContinue) writeBody();
    });
    socket.on('data', (chunk: Buffer) => {
      received.push(chunk);
      if (waitingForContinue && /^HTTP\/1\.1 100 /.test(Buffer.concat(received).toString('latin1'))) writeBody();
    });
    socket.on('error', (error) =>
      reject(new Error(`${request.method} ${request.path}: ${error.message} (body sent: ${bodySent})`)),
    );
    socket.on('end', () => {
      try {
        resolve({ ...parse(Buffer.concat(received)), bodySent });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

function parse(bytes: Buffer): Omit<RawAnswer, 'bodySent'> {
  let rest = bytes;
  const interim: number[] = [];
  for (;;) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) throw new Error(`no complete answer: ${JSON.stringify(rest.toString('latin1').slice(0, 200))}`);
    const [statusLine, ...lines] = rest.subarray(0, end).toString('latin1').split('\r\n');
    const status = Number(statusLine!.split(' ')[1]);
    rest = rest.subarray(end + 4);
    if (status >= 100 && status < 200) {
      interim.push(status);
      continue;
    }
    const headers = Object.fromEntries(
      lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
    );
    let body = rest;
    if (headers['transfer-encoding'] === 'chunked') {
      const parts: Buffer[] = [];
      for (let at = 0; ;) {
        const lineEnd = body.indexOf('\r\n', at);
        const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
        if (!size) break;
        parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
      body = Buffer.concat(parts);
    }
    return { status, interim, headers, body: body.toString('utf8') };
  }
}
