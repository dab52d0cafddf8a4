import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@lookbook/core';
import { CurrentActor, LoaderRegistry, Loaders } from '@lookbook/core';
import { License } from '@lookbook/licensing';
import type { SubjectObject } from '../graphql/subject.objects';
import { SubjectUnion } from '../graphql/subject.objects';
import { TemplatesFacade } from '../templates.facade';

/** What a licence is for, as a `Subject` (licensing sits below templates, so it cannot resolve the union itself). */
@Resolver(() => License)
export class LicenseSubjectResolver {
  constructor(private readonly templates: TemplatesFacade) {}

  @ResolveField(() => SubjectUnion, {
    nullable: true,
    description: 'What is licensed: the style model or workflow template, while you may see it (null once it is not).',
  })
  subject(
    @Parent() license: License,
    @CurrentActor() viewer: Actor | undefined,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<SubjectObject | null> {
    return this.templates.subject(loaders, viewer, { kind: license.subjectKind, subjectId: license.subjectId });
  }
}
