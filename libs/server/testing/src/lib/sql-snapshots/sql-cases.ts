import type { Provider } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The rows every SQL case can point at: a small published catalog (generated, so its ids are fixed), orders and
 * licences of it, templates with an IP and a remix chain, and one of each thing the money flows, sessions and uploads
 * keep. Built once per run in a fresh database cloned from the migrated template.
 */
export interface SqlWorld {
  /** A creator who owns `model` (and `template`), with a payout account. */
  creator: string;
  /** Another creator (owns `parentModel` and the IP). */
  otherCreator: string;
  /** A buyer with paid orders and licences; signed in (`session`) and holding an API key. */
  buyer: string;
  /** A published model with two published versions, files, sample images and offers. */
  model: string;
  version: string;
  /** The model's other version, which declares `parentVersion` as its parent. */
  secondVersion: string;
  /** A published version of another model. */
  parentModel: string;
  parentVersion: string;
  /** The READY model file of `version`. */
  file: { id: string; sha256: string; autov2: string };
  /** A file still uploading (into `secondVersion`) and its upload. */
  uploadingFile: string;
  upload: string;
  /** A sample image of `version`, crediting `parentVersion`. */
  image: string;
  /** `version`'s live PERSONAL offer. */
  offer: string;
  /** A base model (seeded by the migrations) and a known model file of it. */
  baseModel: string;
  knownFile: string;
  /** The buyer's first paid order (one line, the seller's split), its charge and the licence it granted. */
  order: string;
  /** The seller of the order's line: the recipient of its split (`{ orderId: order, line: 1, recipientId }`). */
  orderSeller: string;
  chargeId: string;
  license: string;
  /** A pending refund of the order's line, a pending reversal of its split, an open dispute. */
  refund: string;
  reversal: string;
  dispute: string;
  /** The creator's connected account at the provider, and a payout in transit from it. */
  providerAccount: string;
  payout: string;
  /** An unprocessed provider event received an hour ago. */
  webhookEvent: string;
  /** The local gateway: a charge and a transfer funded by it (objects), and the platform's USD balance. */
  gatewayCharge: string;
  /** A live session of the buyer, its refresh token's hash, and an API key (by prefix). */
  session: string;
  refreshTokenHash: Buffer;
  apiKey: string;
  apiKeyPrefix: string;
  /** An IP (otherCreator's) bound to `template` with a locked subgraph. */
  ip: string;
  subgraphSha256: string;
  /** A published template (the creator's) with a published version and an image; `remix` remixes it (approved), and
   * `pendingRemix` remixes `remix` (waiting for the IP owner). */
  template: string;
  templateVersion: string;
  templateImage: string;
  remix: string;
  pendingRemix: string;
  /** The creator's draft template without versions (a target for copies, bindings and edges). */
  draftTemplate: string;
  /** A fixed instant for arguments that are times. */
  at: Date;
  /** A fresh UUID (a row no case has written yet). */
  newId(): string;
  /** A fresh lower-case hex SHA-256. */
  sha256(): string;
  /** A connection cursor after (time, id), as `paginateNewestFirst` writes them. */
  cursor(at: Date, id: string): string;
  /** One row of an entity (by class name), as TypeORM reads it: a base for rows a case inserts. */
  load(entity: string, where: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** The instance of a class under test (by class name), for a case's `prepare`. */
  get<T>(className: string): T;
}

/**
 * A method's arguments. `tx` is an open transaction, rolled back after the case, for methods that take the caller's
 * EntityManager. Evaluated before capture starts: what it reads is not part of the snapshot.
 */
export type SqlArgs = (world: SqlWorld, tx: EntityManager) => unknown[] | Promise<unknown[]>;

export interface SqlCase {
  /** Names a variant when a method has several cases (its header reads `Class.method (name)`). */
  name?: string;
  args: SqlArgs;
}

/** A public method whose SQL is not captured, and why (no SQL, or only another method's). */
export interface NotCaptured {
  notCaptured: string;
}

export type SqlMethodCases = SqlArgs | SqlCase | SqlCase[] | NotCaptured;

/**
 * One domain's cases (`libs/server/<domain>/sql/cases.ts`, its default export): for each class that runs SQL, each
 * public method with its example arguments. Classes and methods are named, not imported, so a method moved or renamed
 * fails the drift check with its name rather than breaking the build.
 */
export interface SqlCaseFile {
  /** Runs once before this file's cases, not captured (for example: index the catalog before searching it). */
  prepare?: (world: SqlWorld) => Promise<void>;
  /**
   * What this domain's SQL classes inject beyond the DataSource, TypeORM repositories, the clock and each other (the
   * snapshot module provides only those): for example a configuration value.
   */
  providers?: Provider[];
  classes: Record<string, Record<string, SqlMethodCases>>;
}
