import { Client } from 'pg';
import sharp from 'sharp';
import { PALETTES, paint } from './demo/art';
import type { DemoModel, OfferPreset } from './demo/catalog';
import { DEMO_BUYER_CLAIMS, DEMO_BUYER_PURCHASES, DEMO_MODELS } from './demo/catalog';
import type { DemoPerson } from './demo/people';
import { CREATORS, DEMO, DEMO_BUYER } from './demo/people';
import { seedDemoCommunity } from './demo/community';
import { seedDemoTemplates } from './demo/templates';

export { DEMO, DEMO_BUYER } from './demo/people';

export interface DemoContent {
  login: string;
  password: string;
  buyerLogin: string;
  buyerPassword: string;
  creators: { login: string; password: string }[];
  models: number;
}

type Gql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;
export interface Session {
  gql: Gql;
  token: string;
  id: string;
  person: DemoPerson;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = <T, K extends keyof T>(from: T, ...keys: K[]) => Object.fromEntries(keys.map((k) => [k, from[k]]));

/**
 * Demo content for a local run, made through the public API the way people would: five creators with a few dozen
 * published models (generated sample images with generation info, checked .safetensors files, free and paid licences
 * across tiers, some with a second version), payout accounts on the local gateway, and a demo buyer who claimed free
 * licences and bought paid ones through the local checkout — so creators have sales, splits, transfers and a payout.
 * Idempotent: a second start finds everything in place. The only SQL is the operator's first admin (there is no API
 * for it), marking the demo accounts' made-up addresses verified (their mails wait in the development inbox), and
 * reading a payout account id for the local gateway's admin payout trigger.
 */
export async function seedDemoContent(baseUrl: string, databaseUrl: string): Promise<DemoContent> {
  const people = new Map<string, Session>();
  for (const person of [...CREATORS, DEMO_BUYER]) people.set(person.handle, await signInOrUp(baseUrl, person));
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`UPDATE identity.user SET roles = '{admin}' WHERE handle = $1 AND roles = '{}'`, [DEMO.handle]);
    const verified = `UPDATE identity.user SET email_verified_at = created_at WHERE handle = ANY($1) AND email_verified_at IS NULL`;
    await db.query(verified, [[...people.keys()]]);
    const ids = new Map<string, string>();
    for (const [handle, session] of people) {
      if (handle === DEMO_BUYER.handle) continue;
      await setUpPayouts(session, baseUrl);
      for (const [name, id] of await ownModels(session)) ids.set(name, id);
    }
    const missing = DEMO_MODELS.filter((model) => !ids.has(model.name));
    for (let i = 0; i < missing.length; i += 4) {
      const batch = missing.slice(i, i + 4);
      const created = await Promise.all(
        batch.map((model) => createModel(people.get(model.creator)!, baseUrl, model, DEMO_MODELS.indexOf(model))),
      );
      batch.forEach((model, j) => created[j] && ids.set(model.name, created[j]));
    }
    const buyer = people.get(DEMO_BUYER.handle)!;
    await buyerLibrary(buyer, baseUrl, ids);
    const inkWash = ids.get('Ink Wash');
    if (inkWash) {
      const { styleModel } = await buyer.gql<{ styleModel: { versions: { files: { fileName: string }[] }[] } }>(
        `query($m: UUID!) { styleModel(id: $m) { versions { files { fileName } } } }`,
        { m: inkWash },
      );
      const person = (p: DemoPerson) => people.get(p.handle)!;
      await seedDemoTemplates(
        { ada: person(DEMO), kenji: person(CREATORS[1]!), maya: person(CREATORS[2]!), buyer },
        baseUrl,
        styleModel.versions[0]?.files[0]?.fileName ?? 'ink_wash_v10.safetensors',
        (who, offerId) => buyOffer(who, baseUrl, offerId).then(() => undefined),
      );
    }
    await payOut(people, baseUrl, db);
    await seedDemoCommunity(people);
    return {
      login: DEMO.email,
      password: DEMO.password,
      buyerLogin: DEMO_BUYER.email,
      buyerPassword: DEMO_BUYER.password,
      creators: CREATORS.slice(1).map((c) => ({ login: c.email, password: c.password })),
      models: ids.size,
    };
  } finally {
    await db.end();
  }
}

function client(baseUrl: string, token?: string): Gql {
  return async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
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
}

async function signInOrUp(baseUrl: string, person: DemoPerson): Promise<Session> {
  const anonymous = client(baseUrl);
  try {
    await anonymous(`mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }`, {
      input: { ...pick(person, 'handle', 'email', 'password', 'displayName'), acceptTerms: true },
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code !== 'HANDLE_TAKEN' && code !== 'EMAIL_TAKEN') throw error;
  }
  const { signIn } = await anonymous<{ signIn: { accessToken: string; user: { id: string } } }>(
    `mutation($input: SignInInput!) { signIn(input: $input) { accessToken user { id } } }`,
    { input: { login: person.email, password: person.password } },
  );
  return { gql: client(baseUrl, signIn.accessToken), token: signIn.accessToken, id: signIn.user.id, person };
}

async function ownModels(session: Session): Promise<[string, string][]> {
  const { styleModels } = await session.gql<{ styleModels: { nodes: { id: string; name: string; status: string }[] } }>(
    `query($owner: UUID!) { styleModels(first: 100, filter: { ownerId: $owner }) { nodes { id name status } } }`,
    { owner: session.id },
  );
  return styleModels.nodes.filter((n) => n.status === 'PUBLISHED').map((n) => [n.name, n.id]);
}

/** Each creator's payout account, onboarded through the local gateway's hosted page (skipped with real Stripe). */
async function setUpPayouts({ gql }: Session, baseUrl: string): Promise<void> {
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

const permissions = (commercialUse: string, extra: Record<string, unknown> = {}) => ({
  commercialUse,
  derivativesAllowed: true,
  derivativeMayChangeLicense: false,
  creditRequired: false,
  ...extra,
});

function offers(model: DemoModel, creator: DemoPerson) {
  const credit = { creditRequired: true, creditLine: `${model.name} by ${creator.displayName} (Lookbook)` };
  const tier = (name: string, amount: number, p: Record<string, unknown>) => ({
    tier: name,
    priceAmount: amount,
    priceCurrency: model.currency,
    permissions: p,
  });
  const presets: Record<OfferPreset, unknown[]> = {
    free: [tier('FREE', 0, permissions('NONE'))],
    personal: [tier('PERSONAL', model.price, permissions('NONE', { seats: 1 }))],
    'free+commercial': [
      tier('FREE', 0, permissions('NONE')),
      tier('COMMERCIAL', model.price, permissions('SELL_GENERATED_IMAGES', { ...credit, seats: 5 })),
    ],
    'personal+commercial': [
      tier('PERSONAL', Math.max(300, Math.round(model.price / 500) * 100), permissions('NONE', { seats: 1 })),
      tier(
        'COMMERCIAL',
        model.price,
        permissions('SELL_GENERATED_IMAGES', { ...credit, seats: 5, revenueCap: 5_000_000 }),
      ),
    ],
    'commercial+enterprise': [
      tier('COMMERCIAL', model.price, permissions('SELL_GENERATED_IMAGES', { ...credit, seats: 5 })),
      tier('ENTERPRISE', model.price * 8, permissions('PAID_GENERATION_SERVICE', { seats: 50 })),
    ],
  };
  return presets[model.offers];
}

const SAMPLERS = ['DPM++ 2M', 'Euler a', 'DPM++ SDE', 'UniPC'];
const SUBJECTS = [
  'a lighthouse on a cliff',
  'a quiet mountain village',
  'a portrait of a dancer',
  'a city street at night',
  'a bowl of lemons',
  'an owl in flight',
  'a sailing boat at dawn',
  'a greenhouse full of ferns',
  'a fox in tall grass',
];

/** A sample image: generated art, saved as a JPEG with AUTOMATIC1111 parameters (shown as generation info). */
async function sampleImage(model: DemoModel, index: number, k: number): Promise<Buffer> {
  const seed = 1000 + index * 17 + k * 7919;
  // The cover shows the model's own look; the other samples vary palette and (every other one) motif.
  const png = await paint(model.motif, PALETTES[(model.palette + k * 3) % PALETTES.length]!, seed);
  const subject = SUBJECTS[(index + k * 4) % SUBJECTS.length];
  const parameters =
    `${subject}, ${model.tags.join(', ')}, ${model.trigger}, masterpiece <lora:${model.name.replace(/\s+/g, '_')}:0.8>\n` +
    `Negative prompt: blurry, lowres, watermark\n` +
    `Steps: ${24 + k * 4}, Sampler: ${SAMPLERS[(index + k) % SAMPLERS.length]}, Schedule type: Karras, CFG scale: ${5 + ((index + k) % 4) * 0.5}, ` +
    `Seed: ${seed * 7741}, Size: 832x1216, Model: ${model.base}`;
  return sharp(png)
    .jpeg({ quality: 88, mozjpeg: true })
    .withExif({ IFD2: { UserComment: parameters } })
    .toBuffer();
}

async function createModel(session: Session, baseUrl: string, model: DemoModel, index: number): Promise<string | null> {
  const { gql, token } = session;
  const { createStyleModel } = await gql<{ createStyleModel: { id: string } }>(
    `mutation($input: CreateStyleModelInput!) { createStyleModel(input: $input) { id } }`,
    {
      input: {
        name: model.name,
        type: model.type,
        baseModelId: model.base,
        maturity: 'SFW',
        tags: model.tags,
        description: model.description,
      },
    },
  );
  const modelId = createStyleModel.id;
  const versions = model.v2 ? ['v1.0', 'v2.0'] : ['v1.0'];
  for (const [n, name] of versions.entries()) {
    const { createModelVersion } = await gql<{ createModelVersion: { id: string } }>(
      `mutation($m: UUID!, $input: CreateModelVersionInput!) { createModelVersion(modelId: $m, input: $input) { id } }`,
      {
        m: modelId,
        input: {
          name,
          changelog: n === 0 ? 'First release.' : model.v2,
          triggerWords: [model.trigger],
          recommendedSettings: [
            { key: 'weight', value: '0.8' },
            { key: 'steps', value: '28' },
            { key: 'cfg', value: '6' },
            { key: 'sampler', value: 'DPM++ 2M Karras' },
          ],
        },
      },
    );
    const versionId = createModelVersion.id;
    await gql(
      `mutation($v: UUID!, $offers: [LicenseOfferInput!]!) { setLicenseOffers(versionId: $v, offers: $offers) { id } }`,
      {
        v: versionId,
        offers: offers(model, session.person),
      },
    );
    const file = demoSafetensors(model, index * 10 + n);
    const fileName = `${model.name.toLowerCase().replace(/[^a-z0-9]+/g, '_')}_${name.replace('.', '')}.safetensors`;
    const { createModelFileUpload } = await gql<{ createModelFileUpload: { upload: { id: string } } }>(
      `mutation($v: UUID!, $input: CreateUploadInput!) { createModelFileUpload(versionId: $v, input: $input) { upload { id } } }`,
      { v: versionId, input: { fileName, size: file.length } },
    );
    const auth = { authorization: `Bearer ${token}` };
    await fetch(`${baseUrl}/api/v1/uploads/${createModelFileUpload.upload.id}/content`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/octet-stream' },
      body: file,
    });
    for (let k = 0; k < 3; k += 1) {
      await fetch(`${baseUrl}/api/v1/model-versions/${versionId}/sample-images`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'image/jpeg' },
        body: await sampleImage(model, index + n * 31, k),
      });
    }
    if (!(await publishWhenReady(gql, versionId))) return null;
  }
  return modelId;
}

/** The worker checks each file; a version publishes once its files are READY. */
async function publishWhenReady(gql: Gql, versionId: string): Promise<boolean> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const view = await gql<{ modelVersion: { files: { scanStatus: string }[] } }>(
      `query($v: UUID!) { modelVersion(id: $v) { files { scanStatus } } }`,
      { v: versionId },
    );
    if (view.modelVersion.files.every((f) => f.scanStatus === 'READY')) {
      await gql(`mutation($v: UUID!) { publishModelVersion(id: $v) { id } }`, { v: versionId });
      return true;
    }
    await sleep(250);
  }
  return false;
}

type Offers = { styleModel: { versions: { id: string; licenseOffers: { id: string; tier: string }[] }[] } };
const offersOf = (gql: Gql, modelId: string) =>
  gql<Offers>(`query($m: UUID!) { styleModel(id: $m) { versions { id licenseOffers { id tier } } } }`, { m: modelId });

/** The buyer claims free licences and pays for others through the local gateway's test checkout. */
async function buyerLibrary(buyer: Session, baseUrl: string, ids: Map<string, string>): Promise<void> {
  const { myLicenses } = await buyer.gql<{ myLicenses: { nodes: { id: string }[] } }>(
    `query { myLicenses(first: 1) { nodes { id } } }`,
  );
  if (myLicenses.nodes.length) return;
  for (const name of DEMO_BUYER_CLAIMS) {
    const modelId = ids.get(name);
    const version = modelId && (await offersOf(buyer.gql, modelId)).styleModel.versions[0];
    if (version) await buyer.gql(`mutation($v: UUID!) { claimFreeLicense(versionId: $v) { id } }`, { v: version.id });
  }
  for (const name of DEMO_BUYER_PURCHASES) {
    const modelId = ids.get(name);
    const offer =
      modelId &&
      (await offersOf(buyer.gql, modelId)).styleModel.versions[0]?.licenseOffers.find((o) => o.tier === 'COMMERCIAL');
    if (!offer) continue;
    if (!(await buyOffer(buyer, baseUrl, offer.id))) return;
  }
}

/** Buys an offer through the local gateway's test checkout and waits for the licence; false with a real provider. */
async function buyOffer(buyer: Session, baseUrl: string, offerId: string): Promise<boolean> {
  const { checkout } = await buyer.gql<{ checkout: { checkoutUrl: string; order: { id: string } } }>(
    `mutation($o: UUID!) { checkout(offerId: $o) { checkoutUrl order { id } } }`,
    { o: offerId },
  );
  const page = new URL(checkout.checkoutUrl);
  if (!page.pathname.startsWith('/local-gateway/')) return false; // a real provider: no test checkout to click through
  await fetch(`${baseUrl}${page.pathname}/confirm?card=succeeds`, { method: 'POST', redirect: 'manual' });
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const { order } = await buyer.gql<{ order: { licenseId: string | null } }>(
      `query($id: UUID!) { order(id: $id) { licenseId } }`,
      { id: checkout.order.id },
    );
    if (order.licenseId) break;
    await sleep(250);
  }
  return true;
}

/** Once the sales' transfers are sent, the local gateway pays the creators' balances out (an admin simulation). */
async function payOut(people: Map<string, Session>, baseUrl: string, db: Client): Promise<void> {
  const admin = people.get(DEMO.handle)!;
  for (const handle of ['kenji', 'olu', 'ada']) {
    const creator = people.get(handle)!;
    const { myPayouts } = await creator.gql<{ myPayouts: { nodes: { id: string }[] } }>(
      `query { myPayouts(first: 1) { nodes { id } } }`,
    );
    if (myPayouts.nodes.length) continue;
    let sent = false;
    for (let attempt = 0; attempt < 40 && !sent; attempt += 1) {
      const { mySales } = await creator.gql<{ mySales: { nodes: { splits: { transferStatus: string }[] }[] } }>(
        `query { mySales(first: 20) { nodes { splits { transferStatus } } } }`,
      );
      if (!mySales.nodes.length) break;
      sent = mySales.nodes.every((s) => s.splits.every((split) => split.transferStatus === 'SENT'));
      if (!sent) await sleep(250);
    }
    if (!sent) continue;
    const { rows } = await db.query<{ id: string }>(
      `SELECT provider_account_id AS id FROM commerce.connected_account WHERE creator_id = $1`,
      [creator.id],
    );
    if (!rows[0] || !rows[0].id.startsWith('acct_')) continue;
    await fetch(`${baseUrl}/local-gateway/accounts/${rows[0].id}/payouts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}` },
    });
  }
}

/** A small, valid LoRA-shaped file with kohya-style training metadata; `variant` makes each file's bytes unique. */
function demoSafetensors(model: DemoModel, variant: number): Buffer {
  const shape = [64, 64];
  const bytes = 64 * 64 * 2;
  let header = JSON.stringify({
    __metadata__: {
      ss_network_module: model.type === 'LOCON' ? 'lycoris.kohya' : 'networks.lora',
      ss_network_dim: '16',
      ss_network_alpha: '8',
      ss_base_model_version: model.base,
      ss_tag_frequency: JSON.stringify({ train: Object.fromEntries(model.tags.map((t, i) => [t, 40 - i * 7])) }),
      'modelspec.title': model.name,
    },
    'lora_unet.lora_down.weight': { dtype: 'F16', shape, data_offsets: [0, bytes] },
    'lora_unet.lora_up.weight': { dtype: 'F16', shape, data_offsets: [bytes, 2 * bytes] },
  });
  header += ' '.repeat((8 - (header.length % 8)) % 8);
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(header.length));
  return Buffer.concat([prefix, Buffer.from(header), Buffer.alloc(2 * bytes, (variant % 250) + 1)]);
}
