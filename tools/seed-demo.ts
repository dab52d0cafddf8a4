import { Client } from 'pg';
import sharp from 'sharp';

export const DEMO = { handle: 'ada', email: 'ada@demo.lookbook.local', password: 'violet-harbor-lantern-42' };
/** A second account to buy Ada's licences with (creators cannot buy their own). */
export const DEMO_BUYER = { handle: 'grace', email: 'grace@demo.lookbook.local', password: 'amber-meadow-compass-17' };

export interface DemoContent {
  login: string;
  password: string;
  buyerLogin: string;
  buyerPassword: string;
  modelId: string | null;
  /** The demo's paid (COMMERCIAL) offer, to try a checkout with the local gateway. */
  paidOfferId: string | null;
}

type Gql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/**
 * Demo content for a local run, created through the public API like a real creator would: an admin demo creator with
 * one published style model (free personal licence, paid commercial licence, a checked .safetensors file and a sample
 * image) and a payout account set up on the local gateway, plus a demo buyer. Idempotent.
 */
export async function seedDemoContent(baseUrl: string, databaseUrl: string): Promise<DemoContent> {
  const session: { token?: string } = {};
  const gql: Gql = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(session.token ? { authorization: `Bearer ${session.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: T;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    if (body.errors?.length)
      throw Object.assign(new Error(body.errors[0]!.message), { code: body.errors[0]!.extensions?.code });
    return body.data!;
  };

  for (const [account, displayName] of [
    [DEMO, 'Ada (demo)'],
    [DEMO_BUYER, 'Grace (demo buyer)'],
  ] as const) {
    try {
      await gql(`mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }`, {
        input: { handle: account.handle, email: account.email, password: account.password, displayName },
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'HANDLE_TAKEN' && code !== 'EMAIL_TAKEN') throw error;
    }
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`UPDATE identity.user SET roles = '{admin}' WHERE handle = $1`, [DEMO.handle]);
  } finally {
    await client.end();
  }
  const signIn = await gql<{ signIn: { accessToken: string; user: { id: string } } }>(
    `mutation($input: SignInInput!) { signIn(input: $input) { accessToken user { id } } }`,
    { input: { login: DEMO.email, password: DEMO.password } },
  );
  session.token = signIn.signIn.accessToken;
  const existing = await gql<{ styleModels: { nodes: { id: string }[] } }>(
    `query($owner: UUID!) { styleModels(first: 1, filter: { ownerId: $owner }) { nodes { id } } }`,
    {
      owner: signIn.signIn.user.id,
    },
  );
  const modelId = existing.styleModels.nodes[0]?.id ?? (await createDemoModel(gql, baseUrl, session.token));
  await setUpDemoPayouts(gql, baseUrl);
  const offers = modelId
    ? await gql<{ styleModel: { versions: { licenseOffers: { id: string; tier: string }[] }[] } }>(
        `query($m: UUID!) { styleModel(id: $m) { versions { licenseOffers { id tier } } } }`,
        { m: modelId },
      )
    : null;
  const paid = offers?.styleModel.versions[0]?.licenseOffers.find((o) => o.tier === 'COMMERCIAL');
  return {
    login: DEMO.email,
    password: DEMO.password,
    buyerLogin: DEMO_BUYER.email,
    buyerPassword: DEMO_BUYER.password,
    modelId,
    paidOfferId: paid?.id ?? null,
  };
}

/** Ada's payout account, onboarded through the local gateway's hosted page (skipped with real Stripe). */
async function setUpDemoPayouts(gql: Gql, baseUrl: string): Promise<void> {
  const { myPayoutAccount } = await gql<{ myPayoutAccount: { status: string } }>(
    `query { myPayoutAccount { status } }`,
  );
  if (myPayoutAccount.status !== 'NOT_STARTED') return;
  const { startPayoutOnboarding } = await gql<{ startPayoutOnboarding: { url: string } }>(
    `mutation { startPayoutOnboarding { url } }`,
  );
  const link = new URL(startPayoutOnboarding.url);
  if (!link.pathname.startsWith('/local-gateway/')) return;
  await fetch(`${baseUrl}${link.pathname}/complete?bank=succeeds`, { method: 'POST', redirect: 'manual' });
}

async function createDemoModel(gql: Gql, baseUrl: string, token: string | undefined): Promise<string | null> {
  const model = await gql<{ createStyleModel: { id: string } }>(
    `mutation { createStyleModel(input: { name: "Ink Wash (demo)", type: LORA, baseModelId: "sdxl-1.0", maturity: SFW,
      tags: ["ink", "landscape", "demo"], description: "A demo style created by npm start." }) { id } }`,
  );
  const modelId = model.createStyleModel.id;
  const version = await gql<{ createModelVersion: { id: string } }>(
    `mutation($m: UUID!) { createModelVersion(modelId: $m, input: { name: "v1", triggerWords: ["inkwash style"],
      recommendedSettings: [{ key: "weight", value: "0.8" }] }) { id } }`,
    { m: modelId },
  );
  const versionId = version.createModelVersion.id;
  // Free for personal use; a paid commercial licence with credit.
  const permissions = (commercialUse: string, credit: boolean) =>
    `{ commercialUse: ${commercialUse}, derivativesAllowed: true, derivativeMayChangeLicense: false, creditRequired: ${credit}${
      credit ? ', creditLine: "Ink Wash by Ada (Lookbook demo)"' : ''
    } }`;
  await gql(
    `mutation($v: UUID!) { setLicenseOffers(versionId: $v, offers: [
      { tier: FREE, priceAmount: 0, priceCurrency: "EUR", permissions: ${permissions('NONE', false)} },
      { tier: COMMERCIAL, priceAmount: 2900, priceCurrency: "EUR", permissions: ${permissions('SELL_GENERATED_IMAGES', true)} }
    ]) { id } }`,
    { v: versionId },
  );
  const file = demoSafetensors();
  const upload = await gql<{ createModelFileUpload: { upload: { id: string } } }>(
    `mutation($v: UUID!, $size: SafeInt!) { createModelFileUpload(versionId: $v, input: { fileName: "ink_wash_demo.safetensors", size: $size }) { upload { id } } }`,
    { v: versionId, size: file.length },
  );
  const headers = { authorization: `Bearer ${token}` };
  await fetch(`${baseUrl}/api/v1/uploads/${upload.createModelFileUpload.upload.id}/content`, {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    body: file,
  });
  const image = await sharp({ create: { width: 768, height: 512, channels: 3, background: { r: 30, g: 60, b: 90 } } })
    .png()
    .toBuffer();
  await fetch(`${baseUrl}/api/v1/model-versions/${versionId}/sample-images`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'image/png' },
    body: image,
  });
  // The worker checks the file; publish once it is READY.
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const view = await gql<{ modelVersion: { files: { scanStatus: string }[] } }>(
      `query($v: UUID!) { modelVersion(id: $v) { files { scanStatus } } }`,
      { v: versionId },
    );
    if (view.modelVersion.files.every((f) => f.scanStatus === 'READY')) {
      await gql(`mutation($v: UUID!) { publishModelVersion(id: $v) { id } }`, { v: versionId });
      return modelId;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return null;
}

/** A small, valid LoRA-shaped file with kohya-style training metadata. */
function demoSafetensors(): Buffer {
  const shape = [64, 64];
  const bytes = 64 * 64 * 2;
  let header = JSON.stringify({
    __metadata__: {
      ss_network_module: 'networks.lora',
      ss_network_dim: '8',
      ss_network_alpha: '4',
      'modelspec.title': 'Ink Wash (demo)',
    },
    'lora_unet.lora_down.weight': { dtype: 'F16', shape, data_offsets: [0, bytes] },
    'lora_unet.lora_up.weight': { dtype: 'F16', shape, data_offsets: [bytes, 2 * bytes] },
  });
  header += ' '.repeat((8 - (header.length % 8)) % 8);
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(header.length));
  return Buffer.concat([prefix, Buffer.from(header), Buffer.alloc(2 * bytes, 1)]);
}
