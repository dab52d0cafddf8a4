import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@lookbook/core';
import { APP_CONFIG } from '@lookbook/core';
import type { ReceivedMail } from './received-mail';

/** Where the embedded sink keeps what it received (the API and `npm start`'s sink agree on it). */
export const mailSinkDirectory = (config: AppConfig) => join(config.dataDir, 'mail');

const ID = /^[0-9a-f]{32}$/;
const MAX_LISTED = 200;

/** Reads the development sink's mails, newest first. Development and tests only (never mounted in production). */
@Injectable()
export class DevInboxReader {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async list(to?: string): Promise<ReceivedMail[]> {
    const directory = mailSinkDirectory(this.config);
    let names: string[];
    try {
      names = (await readdir(directory)).filter((name) => ID.test(name.replace(/\.json$/, '')));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const mails = (await Promise.all(names.map((name) => this.read(join(directory, name))))).filter(
      (mail): mail is ReceivedMail => mail !== null,
    );
    const wanted = to?.trim().toLowerCase();
    return mails
      .filter((mail) => !wanted || mail.to.some((address) => address.toLowerCase() === wanted))
      .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id.localeCompare(a.id))
      .slice(0, MAX_LISTED);
  }

  async get(id: string): Promise<ReceivedMail | null> {
    if (!ID.test(id)) return null;
    return this.read(join(mailSinkDirectory(this.config), `${id}.json`));
  }

  private async read(path: string): Promise<ReceivedMail | null> {
    try {
      return JSON.parse(await readFile(path, 'utf8')) as ReceivedMail;
    } catch {
      return null; // gone, or half-written by the sink this instant
    }
  }
}
