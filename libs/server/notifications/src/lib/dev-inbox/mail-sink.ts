import { createHash } from 'node:crypto';
import { link, mkdir, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { AddressObject, ParsedMail } from 'mailparser';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { ReceivedMail } from './received-mail';

export interface MailSink {
  /** `smtp://127.0.0.1:<port>`: give it to senders as SMTP_URL. */
  url: string;
  port: number;
  /** Messages delivered over SMTP, and how many of them were new (a repeated Message-ID is kept once). */
  counts(): { delivered: number; kept: number };
  stop(): Promise<void>;
}

/** The largest message the sink takes (mails here are short texts). */
const MAX_MESSAGE_BYTES = 1024 * 1024;

const addresses = (field: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((a) => a.value.map((v) => v.address ?? ''))
    .filter(Boolean);

/** The file a message is kept in: named by its Message-ID, so a message delivered twice is kept once. */
export const receivedFileName = (messageId: string) =>
  `${createHash('sha256').update(messageId).digest('hex').slice(0, 32)}.json`;

export function toReceivedMail(parsed: ParsedMail, receivedAt: Date, fallbackId: string): ReceivedMail {
  const messageId = parsed.messageId ?? fallbackId;
  return {
    id: receivedFileName(messageId).replace(/\.json$/, ''),
    messageId,
    receivedAt: receivedAt.toISOString(),
    from: addresses(parsed.from).join(', '),
    to: addresses(parsed.to),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    kind: (parsed.headers.get('x-lookbook-kind') as string | undefined) ?? null,
    listUnsubscribe: rawHeader(parsed, 'list-unsubscribe'),
    listUnsubscribePost: rawHeader(parsed, 'list-unsubscribe-post'),
  };
}

/** A header as sent (mailparser turns List-* headers into objects), unfolded; null when absent. */
function rawHeader(parsed: ParsedMail, name: string): string | null {
  const line = parsed.headerLines.find((h) => h.key === name)?.line;
  return line
    ? line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim()
    : null;
}

/**
 * The development SMTP sink: a real SMTP server (`smtp-server`) on 127.0.0.1 that accepts every message, parses it
 * (`mailparser`) and keeps it as JSON under `directory`, where the development inbox reads it. Loopback only, no
 * authentication, no relaying anywhere; refused in production.
 */
export async function startMailSink(options: {
  directory: string;
  port: number;
  production: boolean;
  log?: (line: string) => void;
}): Promise<MailSink> {
  if (options.production) throw new Error('The development mail sink refuses to run with NODE_ENV=production');
  await mkdir(options.directory, { recursive: true });
  let received = 0;
  let kept = 0;
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    banner: 'Lookbook development mail sink',
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          received += 1;
          const mail = toReceivedMail(parsed, new Date(), `<no-id-${Date.now()}-${received}@sink>`);
          // Written aside, then linked into place: readers never see half a file, and a Message-ID seen before (the
          // same message sent again after a crash) is kept once — `link` refuses an existing name.
          const temporary = join(options.directory, `.${mail.id}.${process.pid}.${received}.tmp`);
          await writeFile(temporary, JSON.stringify(mail, null, 2));
          try {
            await link(temporary, join(options.directory, `${mail.id}.json`));
            kept += 1;
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          } finally {
            await rm(temporary, { force: true });
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  server.on('error', (error) => options.log?.(`mail sink: ${error.message}`));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    counts: () => ({ delivered: received, kept }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
