import type { Session } from '../seed-demo';
import { DEMO_SLOTS, demoWorkflow } from './workflow';

const OFFICIAL = 'Harbour Cats — Official Portrait';
const CREDIT = 'Harbour Cats © Ada Okafor';
const permissions = (commercial: boolean) => ({
  commercialUse: commercial ? 'SELL_GENERATED_IMAGES' : 'NONE',
  derivativesAllowed: true,
  derivativeMayChangeLicense: false,
  creditRequired: true,
  creditLine: CREDIT,
});

async function importTemplate(session: Session, baseUrl: string, name: string, tags: string[], workflow: object) {
  const { createTemplate } = await session.gql<{ createTemplate: { id: string } }>(
    `mutation($i: CreateTemplateInput!) { createTemplate(input: $i) { id } }`,
    {
      i: {
        name,
        tags,
        description: 'A ComfyUI workflow: set the prompt, seed, steps and style strength, then open it in ComfyUI.',
      },
    },
  );
  const response = await fetch(`${baseUrl}/api/v1/templates/${createTemplate.id}/versions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/octet-stream' },
    body: JSON.stringify(workflow),
  });
  if (!response.ok) throw new Error(`demo template import failed: ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  await session.gql(
    `mutation($v: UUID!, $s: [TemplateSlotInput!]!) { setTemplateSlots(versionId: $v, slots: $s) { id } }`,
    {
      v: id,
      s: DEMO_SLOTS,
    },
  );
  return { templateId: createTemplate.id, versionId: id };
}

const versionOf = async (session: Session, templateId: string) =>
  (
    await session.gql<{ template: { versions: { id: string }[] } }>(
      `query($id: UUID!) { template(id: $id) { versions { id } } }`,
      { id: templateId },
    )
  ).template.versions[0]!.id;

const publish = (session: Session, versionId: string) =>
  session.gql(`mutation($v: UUID!) { publishTemplateVersion(versionId: $v) { id } }`, { v: versionId });

const sell = (session: Session, versionId: string, offers: object[]) =>
  session.gql(
    `mutation($v: UUID!, $o: [LicenseOfferInput!]!) { setTemplateLicenseOffers(versionId: $v, offers: $o) { id } }`,
    { v: versionId, o: offers },
  );

const remix = async (session: Session, parentId: string, name: string, shareBps: number) => {
  const { remixTemplate } = await session.gql<{ remixTemplate: { id: string } }>(
    `mutation($p: UUID!, $n: String!, $s: Int!) { remixTemplate(parentId: $p, name: $n, shareBps: $s) { id } }`,
    { p: parentId, n: name, s: shareBps },
  );
  return { templateId: remixTemplate.id, versionId: await versionOf(session, remixTemplate.id) };
};

/**
 * Workflow templates for the demo, through the API: Ada owns the Harbour Cats IP and its official template (15 % of
 * every remix sale, each remix approved by her); Kenji's approved neon remix sells a commercial licence (Grace bought
 * one, so the split paid Ada and Kenji); Maya's watercolour remix waits in Ada's approval queue. `loraFile` is a demo
 * model's file, so the licence roll-up resolves it to the catalog. Idempotent: skipped once Ada has the template.
 */
export async function seedDemoTemplates(
  people: { ada: Session; kenji: Session; maya: Session; buyer: Session },
  baseUrl: string,
  loraFile: string,
  buy: (buyer: Session, offerId: string) => Promise<void>,
): Promise<void> {
  const { ada, kenji, maya, buyer } = people;
  const { myTemplates } = await ada.gql<{ myTemplates: { name: string }[] }>(`{ myTemplates { name } }`);
  if (myTemplates.some((t) => t.name === OFFICIAL)) return;

  const official = await importTemplate(
    ada,
    baseUrl,
    OFFICIAL,
    ['harbour cats', 'portrait'],
    demoWorkflow(loraFile, 'a harbour cat in a yellow raincoat, ink wash', 42),
  );
  const { registerIntellectualProperty: ip } = await ada.gql<{ registerIntellectualProperty: { id: string } }>(
    `mutation { registerIntellectualProperty(input: { name: "Harbour Cats", kind: FRANCHISE, description: "A crew of cats who run a lighthouse." }) { id } }`,
  );
  await ada.gql(
    `mutation($t: UUID!, $ip: UUID!, $terms: RemixTermsInput!) { bindTemplateToIp(templateId: $t, ipId: $ip, terms: $terms) { id } }`,
    {
      t: official.templateId,
      ip: ip.id,
      terms: {
        remixAllowed: true,
        changeableSlots: null,
        allowedUses: ['PERSONAL', 'COMMERCIAL'],
        attribution: [CREDIT],
        ipShareBps: 1500,
        maxMaturity: 'SFW',
        requiredTags: ['harbour cats'],
        approval: 'MANUAL',
      },
    },
  );
  await sell(ada, official.versionId, [
    { tier: 'PERSONAL', priceAmount: 400, priceCurrency: 'USD', permissions: permissions(false) },
    { tier: 'COMMERCIAL', priceAmount: 1900, priceCurrency: 'USD', permissions: permissions(true) },
  ]);
  await publish(ada, official.versionId);

  const neon = await remix(kenji, official.templateId, 'Harbour Cats in Neon', 2000);
  await ada.gql(`mutation($t: UUID!) { decideRemix(templateId: $t, approve: true) { status } }`, {
    t: neon.templateId,
  });
  await sell(kenji, neon.versionId, [
    { tier: 'COMMERCIAL', priceAmount: 1200, priceCurrency: 'USD', permissions: permissions(true) },
  ]);
  await publish(kenji, neon.versionId);
  await remix(maya, official.templateId, 'Harbour Cats in Watercolour', 1000); // left for Ada to decide

  const { templateVersion } = await buyer.gql<{ templateVersion: { licenseOffers: { id: string }[] } }>(
    `query($v: UUID!) { templateVersion(id: $v) { licenseOffers { id } } }`,
    { v: neon.versionId },
  );
  await buy(buyer, templateVersion.licenseOffers[0]!.id);
}
