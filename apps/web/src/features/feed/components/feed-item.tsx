import { RuledListItem, Text, TextLink } from '@lookbook/web-ui';
import type { FeedVerb, LikeSubjectKind } from '../../../gql/graphql';
import { formatDate } from '../../../lib/format';

const VERBS: Record<FeedVerb, string> = {
  MODEL_VERSION_PUBLISHED: 'published a model version',
  TEMPLATE_PUBLISHED: 'published a workflow template',
  TEMPLATE_VERSION_PUBLISHED: 'published a new template version',
  REMIX_PUBLISHED: 'published a remix',
};

export interface FeedEntry {
  id: string;
  verb: FeedVerb;
  actor: { handle: string; displayName: string };
  subjectKind: LikeSubjectKind;
  subjectId: string;
  subjectName: string;
  versionName: string;
  createdAt: string;
}

/** One line of the feed: who published what, and when. */
export function FeedItem({ item }: { item: FeedEntry }) {
  return (
    <RuledListItem className="items-baseline">
      <Text as="p" tone="ink" className="min-w-0 flex-1 break-words">
        <TextLink to="/u/$handle" params={{ handle: item.actor.handle }} variant="quiet" strong>
          {item.actor.displayName}
        </TextLink>{' '}
        <Text as="span">{VERBS[item.verb]}</Text>{' '}
        {item.subjectKind === 'MODEL' ? (
          <TextLink to="/models/$id" params={{ id: item.subjectId }} strong>
            {item.subjectName}
          </TextLink>
        ) : (
          <TextLink to="/templates/$id" params={{ id: item.subjectId }} strong>
            {item.subjectName}
          </TextLink>
        )}{' '}
        <Text as="span">· {item.versionName}</Text>
      </Text>
      <Text as="span" size="xs">
        <time dateTime={item.createdAt}>{formatDate(item.createdAt)}</time>
      </Text>
    </RuledListItem>
  );
}
