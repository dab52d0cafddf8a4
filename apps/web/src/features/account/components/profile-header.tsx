import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmButton, Inline, Stack, Text, TextAnchor, TextButton } from '@lookbook/web-ui';
import { FollowButton } from '../../../components/social/follow-button';
import { formatCount } from '../../../components/social/format-count';
import type { ProfileQuery } from '../../../gql/graphql';
import { errorMessage } from '../../../lib/api-error';
import { formatDate } from '../../../lib/format';
import { execute } from '../../../lib/graphql-client';
import { accountKeys } from '../api/keys';
import { BlockUser, UnblockUser } from '../api/mutations';

type Person = ProfileQuery['profile'];

/** Cover, avatar, name, bio (as text), links, counts, and what you can do: follow, block, or edit your own. */
export function ProfileHeader({
  person,
  memberSince,
  signedIn,
  onEdit,
}: {
  person: Person;
  memberSince: string | null;
  signedIn: boolean;
  onEdit: () => void;
}) {
  const stats = [
    ['followers', person.stats.followers],
    ['following', person.stats.following],
    ['models', person.stats.models],
    ['templates', person.stats.templates],
    ['downloads', person.stats.downloads],
    ['likes', person.stats.likesReceived],
    ...(person.stats.licensesSold == null ? [] : [['licences sold', person.stats.licensesSold] as const]),
  ] as const;
  return (
    <Stack as="header" gap={4} data-testid="profile-header">
      <div className="relative">
        <div className="h-28 overflow-hidden rounded-card bg-accent-soft sm:h-44">
          {person.cover && (
            <img
              src={person.cover.thumbnails.at(-1)?.url ?? person.cover.url}
              srcSet={person.cover.thumbnails.map((t) => `${t.url} ${t.width}w`).join(', ')}
              sizes="(min-width: 1024px) 1024px, 100vw"
              alt=""
              className="size-full object-cover"
            />
          )}
        </div>
        <div className="absolute -bottom-8 left-4 size-20 overflow-hidden rounded-full border-4 border-surface bg-accent-soft sm:size-24">
          {person.avatar ? (
            <img
              src={person.avatar.thumbnails[0]?.url ?? person.avatar.url}
              alt={`${person.displayName}’s avatar`}
              className="size-full object-cover"
            />
          ) : (
            <span aria-hidden className="flex size-full items-center justify-center text-3xl font-semibold text-accent">
              {person.displayName.charAt(0).toUpperCase()}
            </span>
          )}
        </div>
      </div>
      <div className="mt-8 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight break-words">{person.displayName}</h1>
          <Text>
            @{person.handle}
            {memberSince && ` · member since ${formatDate(memberSince)}`}
          </Text>
        </div>
        <ProfileActions person={person} signedIn={signedIn} onEdit={onEdit} />
      </div>
      {person.bio && (
        <Text tone="ink" className="max-w-prose break-words whitespace-pre-line" data-testid="profile-bio">
          {person.bio}
        </Text>
      )}
      {person.links.length > 0 && (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {person.links.map((link) => (
            <li key={link.url}>
              <TextAnchor href={link.url} rel="nofollow ugc noopener noreferrer" target="_blank">
                {link.label}
              </TextAnchor>
            </li>
          ))}
        </ul>
      )}
      <dl className="flex flex-wrap gap-x-6 gap-y-2" data-testid="profile-stats">
        {stats.map(([label, value]) => (
          <div key={label} className="flex items-baseline gap-1.5">
            <dd className="text-base font-semibold" data-testid={`stat-${label.replace(' ', '-')}`}>
              {formatCount(value)}
            </dd>
            <dt className="text-sm text-muted">{label}</dt>
          </div>
        ))}
      </dl>
    </Stack>
  );
}

function ProfileActions({ person, signedIn, onEdit }: { person: Person; signedIn: boolean; onEdit: () => void }) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: accountKeys.profile(person.handle) });
  if (person.isViewer)
    return (
      <TextButton onClick={onEdit} strong className="text-sm">
        Edit profile
      </TextButton>
    );
  const block = async () => {
    setPending(true);
    setError(null);
    try {
      if (person.viewerBlocked) await execute(UnblockUser, { userId: person.id });
      else await execute(BlockUser, { userId: person.id });
      await refresh();
    } catch (e) {
      setError(errorMessage(e));
      throw e;
    } finally {
      setPending(false);
    }
  };
  return (
    <Inline gap={2} align="start">
      {!person.viewerBlocked && (
        <FollowButton
          id={person.id}
          name={person.displayName}
          signedIn={signedIn}
          initial={{ following: person.viewerFollows, followerCount: person.stats.followers }}
          onChange={() => void refresh()}
          key={`${person.viewerFollows}`}
        />
      )}
      {signedIn &&
        (person.viewerBlocked ? (
          <ConfirmButton
            label="Unblock"
            title={`Unblock ${person.displayName}?`}
            confirmLabel="Unblock"
            tone="primary"
            onConfirm={block}
            isPending={pending}
            error={error}
          >
            They will be able to follow you and like your work again. Follows ended by the block stay ended.
          </ConfirmButton>
        ) : (
          <ConfirmButton
            label="Block"
            title={`Block ${person.displayName}?`}
            confirmLabel={`Block @${person.handle}`}
            onConfirm={block}
            isPending={pending}
            error={error}
          >
            You stop following each other, they cannot follow you or like your work, and their new work leaves your
            feed. You can unblock them later.
          </ConfirmButton>
        ))}
    </Inline>
  );
}
