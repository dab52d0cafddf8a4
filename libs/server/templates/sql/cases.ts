import type { SqlCaseFile, SqlWorld } from '@lookbook/testing';

const terms = {
  remixAllowed: true,
  changeableSlots: null,
  allowedUses: ['COMMERCIAL', 'PERSONAL'],
  attribution: [],
  ipShareBps: 1500,
  maxMaturity: 'SFW',
  requiredTags: [],
  approval: 'AUTOMATIC',
};

const edge = (w: SqlWorld, childId: string, parentId: string) => ({
  childId,
  parentId,
  relation: 'REMIX',
  shareBps: 500,
  status: 'APPROVED',
  createdAt: w.at,
});

/** Templates' SQL: templates, versions, images, IPs, bindings and the lineage. See docs/architecture/sql-snapshots.md. */
export default {
  classes: {
    TemplateRepository: {
      transaction: () => [() => Promise.resolve()],
      insert: async (w, tx) => {
        const id = w.newId();
        const template = await w.load('TemplateEntity', { id: w.template });
        return [{ ...template, id, slug: `sql-${id.slice(0, 8)}`, status: 'DRAFT', ipId: null }, tx];
      },
      byId: (w, tx) => [w.template, tx],
      lock: (w, tx) => [tx, w.template],
      visibleIds: (w) => [[w.template, w.pendingRemix], w.buyer],
      insertImages: async (w, tx) => [
        tx,
        [{ ...(await w.load('TemplateImageEntity', { id: w.templateImage })), id: w.newId() }],
      ],
      imagesOf: (w, tx) => [[w.templateVersion], tx],
      coversOf: (w) => [[w.template, w.remix]],
      unreferencedMediaKeys: () => [['media/nobody.png', 'media/nobody.webp']],
      visibleTo: (w) => [[w.template, w.pendingRemix], w.otherCreator],
      published: (w) => [[w.template, w.remix]],
      ownedBy: (w) => [w.creator],
      owners: (w) => [[w.template, w.remix]],
      slugTaken: () => ['world-taken'],
      insertVersion: async (w, tx) => [
        tx,
        {
          ...(await w.load('TemplateVersionEntity', { id: w.templateVersion })),
          id: w.newId(),
          templateId: w.draftTemplate,
          status: 'DRAFT',
          publishedAt: null,
        },
      ],
      copyVersion: (w, tx) => [tx, w.templateVersion, { id: w.newId(), templateId: w.draftTemplate, at: w.at }],
      versionById: (w, tx) => [w.templateVersion, tx],
      versionsOf: (w) => [w.template],
      countVersions: (w, tx) => [tx, w.template],
      unhashedVersions: () => [50],
      setSubgraphHashes: (w) => [w.newId(), [w.sha256()]],
      setSlots: (w, tx) => [tx, w.newId(), []],
      publish: (w, tx) => [tx, w.draftTemplate, w.newId(), w.at],
      versionsByIds: (w) => [[w.templateVersion]],
    },
    IpRepository: {
      insertIp: async (w) => [{ ...(await w.load('IntellectualPropertyEntity', { id: w.ip })), id: w.newId() }],
      ipById: (w, tx) => [w.ip, tx],
      ipsOf: (w) => [w.otherCreator],
      bind: (w, tx) => [tx, { templateId: w.draftTemplate, ipId: w.ip, terms, lockedSubgraph: null }, w.at],
      bindingsOf: (w, tx) => [[w.template, w.remix], tx],
      unbind: (w, tx) => [tx, w.template, w.ip],
      lockSubgraphs: (w, tx) => [tx, [w.subgraphSha256, w.sha256()]],
      lockedBindings: (w, tx) => [[w.subgraphSha256], tx],
    },
    LineageRepository: {
      insertEdge: [
        { name: 'template to template', args: (w, tx) => [tx, edge(w, w.draftTemplate, w.template)] },
        { name: 'model to model', args: (w, tx) => [tx, edge(w, w.model, w.parentModel), 'MODEL'] },
      ],
      parentsOf: (w, tx) => [w.remix, tx],
      decide: (w) => [w.newId(), 'APPROVED'],
      pendingFor: (w) => [w.otherCreator],
      related: [
        { name: 'ancestors', args: (w) => [w.pendingRemix, 'up', 5] },
        { name: 'descendants', args: (w) => [w.template, 'down', 5] },
      ],
      royaltyLineage: (w) => [w.pendingRemix, 5],
      ipUsedBy: (w, tx) => [w.remix, tx],
      publishedByOthers: (w, tx) => [w.subgraphSha256, { id: w.ip, ownerId: w.otherCreator }, w.remix, tx],
      takenDownAncestor: (w, tx) => [w.pendingRemix, tx],
      joinIp: (w, tx) => [tx, w.draftTemplate, w.ip, w.at],
      leaveIp: (w, tx) => [tx, w.template, w.ip, w.at],
    },
  },
} satisfies SqlCaseFile;
