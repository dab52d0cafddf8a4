import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@lookbook/kernel';

export const TemplateErrors = {
  notFound: () => new NotFoundError('TEMPLATE_NOT_FOUND', 'No such template'),
  versionNotFound: () => new NotFoundError('TEMPLATE_VERSION_NOT_FOUND', 'No such template version'),
  notOwner: () => new ForbiddenError('TEMPLATE_NOT_OWNER', 'Only the template’s creator can change it'),
  published: () =>
    new ConflictError('TEMPLATE_VERSION_PUBLISHED', 'A published version is fixed: import a new version instead'),
  invalidName: () => new ValidationError('TEMPLATE_INVALID_NAME', 'A name is 1–120 characters', { field: 'name' }),
  invalidDescription: () =>
    new ValidationError('TEMPLATE_INVALID_DESCRIPTION', 'A description is at most 10,000 characters', {
      field: 'description',
    }),
  invalidTags: () =>
    new ValidationError('TEMPLATE_INVALID_TAGS', 'At most 20 tags of 1–40 letters, digits, spaces, _ or -', {
      field: 'tags',
    }),
  tooManyVersions: (max: number) =>
    new ValidationError('TEMPLATE_TOO_MANY_VERSIONS', `A template has at most ${max} versions`, { max }),
  tooManyImages: (max: number) =>
    new ValidationError('TEMPLATE_TOO_MANY_IMAGES', `A template version has at most ${max} sample images`, { max }),
  noSlots: () =>
    new ValidationError('TEMPLATE_NO_SLOTS', 'Mark at least one parameter users may set before publishing', {
      field: 'slots',
    }),
  legacyGroupNodes: () =>
    new ValidationError(
      'TEMPLATE_LEGACY_GROUP_NODES',
      'This workflow uses legacy group nodes: re-save it in a current ComfyUI, then import it again',
    ),
  remixPending: () =>
    new ConflictError(
      'REMIX_PENDING_APPROVAL',
      'The IP owner has not approved this remix yet: it can be published once they do',
    ),
  remixRejected: () => new ConflictError('REMIX_REJECTED', 'The IP owner rejected this remix: it cannot be published'),
  parentGone: () => new ConflictError('REMIX_PARENT_NOT_PUBLISHED', 'The template this remixes is no longer published'),
  usesLockedIp: (subgraph: string, ip: string) =>
    new ConflictError(
      'TEMPLATE_USES_LOCKED_IP',
      `This workflow contains “${subgraph}”, which belongs to the IP “${ip}”: remix one of its templates instead`,
      { subgraph, ip },
    ),
  subgraphLockedToOtherIp: (subgraph: string, ip: string) =>
    new ConflictError(
      'IP_SUBGRAPH_LOCKED_ELSEWHERE',
      `“${subgraph}” is already locked to the IP “${ip}”: a subgraph belongs to one IP only`,
      { field: 'lockedSubgraphId', subgraph, ip },
    ),
  subgraphPublishedByOthers: (subgraph: string, template: string | null) =>
    new ConflictError(
      'IP_SUBGRAPH_PUBLISHED_BY_OTHERS',
      `“${subgraph}” is in ${template ? `“${template}”, a template` : 'a template'} another creator published: ` +
        'you can lock only a subgraph nobody else has published (report it if it is yours)',
      { field: 'lockedSubgraphId', subgraph, ...(template ? { template } : {}) },
    ),
  unknownSlot: (key: string) =>
    new ValidationError(
      'IP_UNKNOWN_SLOT',
      `The template has no parameter “${key}”: name the slot keys of its parameters`,
      { field: 'changeableSlots', key },
    ),
  notBound: () =>
    new ValidationError('TEMPLATE_NOT_BOUND', 'This template is not bound to an IP', { field: 'templateId' }),
  subgraphNotFound: () =>
    new ValidationError('IP_SUBGRAPH_NOT_FOUND', 'The template’s newest version has no subgraph with that id', {
      field: 'lockedSubgraphId',
    }),
  invalidParams: () =>
    new ValidationError('TEMPLATE_INVALID_PARAMS', 'Each parameter value is JSON', { field: 'params' }),
};

/** IPs, bindings, remixes and derived models. */
export const RemixErrors = {
  ipNotFound: () => new ValidationError('IP_NOT_FOUND', 'No such intellectual property', { field: 'ipId' }),
  notIpOwner: () => new ValidationError('IP_NOT_OWNER', 'Only the IP’s owner can do this', { field: 'ipId' }),
  alreadyBound: () =>
    new ValidationError('TEMPLATE_ALREADY_BOUND', 'This template already belongs to an IP', { field: 'templateId' }),
  remixCannotBind: () =>
    new ValidationError('TEMPLATE_IS_REMIX', 'A remix inherits its IP from its parent; bind the original', {
      field: 'templateId',
    }),
  parentNotPublished: () =>
    new ValidationError('REMIX_PARENT_NOT_PUBLISHED', 'Only a published template can be remixed', {
      field: 'parentId',
    }),
  invalidShare: () =>
    new ValidationError('REMIX_INVALID_SHARE', 'The share passed to the parent is 0–10,000 basis points', {
      field: 'shareBps',
    }),
  nothingPending: () =>
    new ValidationError('REMIX_NOT_PENDING', 'This remix is not waiting for a decision (it was decided already)', {
      field: 'templateId',
    }),
  modelNotFound: (field: string) =>
    new NotFoundError('MODEL_NOT_FOUND', 'No such model of yours (the parent: no such published model)', { field }),
  invalidRelation: () =>
    new ValidationError('LINEAGE_INVALID_RELATION', 'A model derives by MERGE, FINETUNE or ADAPTER', {
      field: 'relation',
    }),
  invalidIp: () =>
    new ValidationError('IP_INVALID', 'An IP has a name of 1–120 characters and a kind', { field: 'name' }),
};

/** What the lineage graph itself refuses (the database's constraints, typed). */
export const LineageErrors = {
  cycle: () =>
    new ValidationError('LINEAGE_CYCLE', 'That would make a resource its own ancestor', { field: 'parentId' }),
  duplicate: () => new ValidationError('LINEAGE_EXISTS', 'This parent is declared already', { field: 'parentId' }),
};
