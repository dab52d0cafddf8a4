import { useSuspenseQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useMe } from '../../lib/session';
import { useTitle } from '../../lib/use-title';
import { profileQuery } from './api/queries';
import { ProfileEditor } from './components/profile-editor';
import { ProfileHeader } from './components/profile-header';
import { ProfileWork } from './components/profile-work';

const route = getRouteApi('/u/$handle');

/** A member's public page: cover, avatar, bio, links, counts, follow and block; their models and templates in tabs. */
export function ProfilePage() {
  const { handle } = route.useParams();
  const { data } = useSuspenseQuery(profileQuery(handle));
  const { signedIn } = useMe();
  const [editing, setEditing] = useState(false);
  const person = data.profile;
  useTitle(`${person.displayName} (@${person.handle})`);

  return (
    <div className="flex flex-col gap-8" data-testid="profile-page">
      <ProfileHeader
        person={person}
        memberSince={data.user.createdAt}
        signedIn={signedIn}
        onEdit={() => setEditing(true)}
      />
      {editing && person.isViewer && <ProfileEditor person={person} onDone={() => setEditing(false)} />}
      <ProfileWork
        userId={person.id}
        handle={person.handle}
        name={person.displayName}
        counts={{ model: person.stats.models, template: person.stats.templates }}
      />
    </div>
  );
}
