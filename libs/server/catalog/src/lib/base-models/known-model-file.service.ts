import { Injectable } from '@nestjs/common';
import { Clock } from '@lookbook/core';
import { codePoints, newId, oneLine } from '@lookbook/kernel';
import { CatalogErrors } from '../catalog.errors';
import { normaliseConditions, normaliseLabel, normaliseLicenseUrl } from '../models/model-input';
import { BaseModelRepository } from './base-model.repository';
import type { KnownModelFileEntity } from './known-model-file.entity';
import { KnownModelFileRepository } from './known-model-file.repository';

export const KNOWN_FILE_KINDS = [
  'checkpoint',
  'diffusion_model',
  'text_encoder',
  'vae',
  'lora',
  'controlnet',
  'embedding',
  'clip_vision',
  'style_model',
  'upscaler',
  'other',
] as const;

/** The licence a file is published under: its own, or its base model's. */
export interface PublishedLicense {
  name: string;
  url: string | null;
  /** A short note on what it asks (a revenue cap, use restrictions). */
  conditions: string | null;
  nonCommercial: boolean;
}

/** A file a workflow loads, recognised as a well-known published file. */
export interface PublishedFileMatch {
  /** SHA256: the workflow states the publisher's hash (exact). FILE_NAME: by name only (a guess). */
  matchedBy: 'SHA256' | 'FILE_NAME';
  /** How many known files carry this name (for a name match). */
  candidates: number;
  /** False when files of this name are published under licences that disagree on commercial use. */
  licensesAgree: boolean;
  id: string;
  fileName: string;
  sha256: string | null;
  kind: string;
  title: string;
  baseModelId: string | null;
  baseModelName: string | null;
  sourceUrl: string;
  license: PublishedLicense;
}

export interface KnownModelFileInput {
  id?: string | null;
  fileName: string;
  sha256?: string | null;
  kind: string;
  title: string;
  baseModelId?: string | null;
  licenseName?: string | null;
  licenseUrl?: string | null;
  licenseConditions?: string | null;
  nonCommercial?: boolean | null;
  sourceUrl: string;
}

const fileKey = (name: string) => (name.split(/[\\/]/).pop() ?? name).toLowerCase();

export function licenseOf(file: KnownModelFileEntity): PublishedLicense {
  if (file.licenseName !== null)
    return {
      name: file.licenseName,
      url: file.licenseUrl,
      conditions: file.licenseConditions,
      nonCommercial: file.nonCommercial ?? true,
    };
  const base = file.baseModel;
  // The table's checks make a file without its own licence name a base model; a missing row reads as restrictive.
  if (!base) return { name: 'Unknown licence', url: null, conditions: null, nonCommercial: true };
  return {
    name: base.licenseName,
    url: base.licenseUrl,
    conditions: base.licenseConditions,
    nonCommercial: base.nonCommercial,
  };
}

/**
 * Which known file each reference is. A stated SHA-256 decides alone: a hash no known file has is some other file,
 * whatever its name (a fine-tune saved as `flux1-dev.safetensors` is not FLUX.1 [dev]). Without one, the file name
 * (folders dropped, any case) picks every known file of that name; when their licences disagree on commercial use,
 * the match says so and names the stricter.
 */
export function identifyKnownFiles(
  refs: readonly { sha256: string | null; name: string }[],
  rows: readonly KnownModelFileEntity[],
): (PublishedFileMatch | null)[] {
  const match = (matchedBy: PublishedFileMatch['matchedBy'], found: readonly KnownModelFileEntity[]) => {
    const licences = found.map(licenseOf);
    const strict = licences.findIndex((l) => l.nonCommercial);
    const at = strict >= 0 ? strict : 0;
    const file = found[at]!;
    return {
      matchedBy,
      candidates: found.length,
      licensesAgree: licences.every((l) => l.nonCommercial === licences[0]!.nonCommercial),
      id: file.id,
      fileName: file.fileName,
      sha256: file.sha256,
      kind: file.kind,
      title: file.title,
      baseModelId: file.baseModelId,
      baseModelName: file.baseModel?.name ?? null,
      sourceUrl: file.sourceUrl,
      license: licences[at]!,
    };
  };
  return refs.map((ref) => {
    if (ref.sha256) {
      const byHash = rows.find((r) => r.sha256 === ref.sha256);
      return byHash ? match('SHA256', [byHash]) : null;
    }
    const byName = rows
      .filter((r) => r.fileName.toLowerCase() === fileKey(ref.name))
      .sort((a, b) => a.title.localeCompare(b.title) || (a.sha256 ?? '').localeCompare(b.sha256 ?? ''));
    return byName.length ? match('FILE_NAME', byName) : null;
  });
}

/**
 * The well-known model files the licence checker recognises, and what each is published under. Seeded by a migration
 * (names and published SHA-256s of SD 1.5, SDXL, FLUX.1, SD 3.5 and the text encoders and VAEs they load); admins add
 * new releases and correct entries without a deploy.
 */
@Injectable()
export class KnownModelFileService {
  constructor(
    private readonly files: KnownModelFileRepository,
    private readonly baseModels: BaseModelRepository,
    private readonly clock: Clock,
  ) {}

  list(): Promise<KnownModelFileEntity[]> {
    return this.files.all();
  }

  /** One read for a whole workflow (refs past the first 100 are not looked up). */
  async identify(refs: readonly { sha256: string | null; name: string }[]): Promise<(PublishedFileMatch | null)[]> {
    const wanted = refs.slice(0, 100);
    const rows = await this.files.matching(
      [...new Set(wanted.flatMap((r) => (r.sha256 ? [r.sha256] : [])))],
      [...new Set(wanted.filter((r) => !r.sha256).map((r) => fileKey(r.name)))],
    );
    return [...identifyKnownFiles(wanted, rows), ...refs.slice(100).map(() => null)];
  }

  async upsert(input: KnownModelFileInput): Promise<KnownModelFileEntity> {
    if (input.id && !(await this.files.byId(input.id))) throw CatalogErrors.knownFileNotFound();
    const fileName = oneLine(input.fileName, 'fileName');
    if (!fileName || codePoints(fileName) > 200 || /[\\/]/.test(fileName)) throw CatalogErrors.invalidKnownFileName();
    const sha256 = input.sha256?.trim().toLowerCase() || null;
    if (sha256 !== null && !/^[0-9a-f]{64}$/.test(sha256)) throw CatalogErrors.invalidSha256();
    if (!(KNOWN_FILE_KINDS as readonly string[]).includes(input.kind))
      throw CatalogErrors.invalidKnownFileKind(KNOWN_FILE_KINDS);
    const licenseName = input.licenseName == null ? null : normaliseLabel(input.licenseName, 'licenseName');
    const nonCommercial = input.nonCommercial ?? null;
    const ownLicence = licenseName !== null || nonCommercial !== null;
    if ((licenseName === null) !== (nonCommercial === null)) throw CatalogErrors.knownFileLicenseMissing();
    if (!ownLicence && (!input.baseModelId || input.licenseUrl || input.licenseConditions))
      throw CatalogErrors.knownFileLicenseMissing();
    const baseModelId = input.baseModelId ?? null;
    if (baseModelId !== null && !(await this.baseModels.byId(baseModelId))) throw CatalogErrors.baseModelNotFound();
    const file = {
      id: input.id ?? newId(),
      fileName,
      sha256,
      kind: input.kind,
      title: normaliseLabel(input.title, 'title'),
      baseModelId,
      licenseName,
      licenseUrl: input.licenseUrl ? normaliseLicenseUrl(input.licenseUrl, 'licenseUrl') : null,
      licenseConditions: input.licenseConditions
        ? normaliseConditions(input.licenseConditions, 'licenseConditions')
        : null,
      nonCommercial,
      sourceUrl: normaliseLicenseUrl(input.sourceUrl, 'sourceUrl'),
      updatedAt: this.clock.now(),
    };
    await this.files.save(file);
    return (await this.files.byId(file.id))!;
  }

  async remove(id: string): Promise<void> {
    if (!(await this.files.remove(id))) throw CatalogErrors.knownFileNotFound();
  }
}
