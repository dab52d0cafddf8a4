import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { loadConfig } from '@lookbook/core';
import { createApi } from '@lookbook/api';

const SCHEMA_FILE = join(__dirname, '..', '..', '..', 'apps', 'api', 'schema.gql');

/** Builds the API without a database and prints its GraphQL schema, sorted. */
async function buildSchemaText(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lookbook-schema-'));
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    AUTH_SECRET: 'schema-generation-only-not-a-real-secret-000',
    DATA_DIR: dataDir,
  });
  const app = await createApi({
    config,
    databaseUrl: 'postgres://unused@127.0.0.1:1/unused',
    connect: false,
    storage: {
      endpoint: 'http://127.0.0.1:1',
      region: 'us-east-1',
      accessKeyId: 'unused',
      secretAccessKey: 'unused',
      forcePathStyle: true,
    },
  });
  await app.init();
  const schema = app.get(GraphQLSchemaHost).schema;
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

async function main(): Promise<void> {
  const text = await buildSchemaText();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== text) {
      process.stderr.write(
        'apps/api/schema.gql is out of date with the resolvers: run "npm run schema:generate" and commit it.\n',
      );
      process.exit(1);
    }
    process.stdout.write('apps/api/schema.gql is up to date\n');
  } else {
    writeFileSync(SCHEMA_FILE, text);
    process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `schema generation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
