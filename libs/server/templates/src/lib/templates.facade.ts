import { Injectable } from '@nestjs/common';
import { toTemplate } from './graphql/template.mapper';
import type { WorkflowTemplate } from './graphql/template.objects';
import { TemplateRepository } from './templates/template.repository';

/** What other domains (discovery) may ask of templates. */
@Injectable()
export class TemplatesFacade {
  constructor(private readonly templates: TemplateRepository) {}

  /** The published ones of these templates, in the order asked (one statement: a search page's template hits). */
  async publishedTemplates(ids: readonly string[]): Promise<WorkflowTemplate[]> {
    const byId = new Map((await this.templates.published(ids)).map((t) => [t.id, t]));
    return ids.flatMap((id) => {
      const template = byId.get(id);
      return template ? [toTemplate(template)] : [];
    });
  }
}
