import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, INPUT, LABEL, Notice } from '@lookbook/web-ui';
import type { ProfileQuery } from '../../../gql/graphql';
import { errorMessage } from '../../../lib/api-error';
import { execute, restRequest } from '../../../lib/graphql-client';
import { accountKeys } from '../api/keys';
import { ClearProfileImage, UpdateProfile } from '../api/mutations';

type Person = ProfileQuery['profile'];

/** Your own profile: name, bio, up to five links, whether licences sold show, avatar and cover. */
export function ProfileEditor({ person, onDone }: { person: Person; onDone: () => void }) {
  const client = useQueryClient();
  const [displayName, setDisplayName] = useState(person.displayName);
  const [bio, setBio] = useState(person.bio);
  const [links, setLinks] = useState(person.links.map((l) => l.url).join('\n'));
  const [showSold, setShowSold] = useState(person.showLicensesSold);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const refresh = () => client.invalidateQueries({ queryKey: accountKeys.profile(person.handle) });

  const run = async (work: () => Promise<unknown>, done = false) => {
    setPending(true);
    setError(null);
    try {
      await work();
      await refresh();
      if (done) onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  };
  const save = () =>
    run(
      () =>
        execute(UpdateProfile, {
          input: {
            displayName,
            bio,
            links: links
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean)
              .map((url) => ({ url })),
            showLicensesSold: showSold,
          },
        }),
      true,
    );
  const upload = (slot: 'avatar' | 'cover', file: File | undefined) =>
    file &&
    void run(() =>
      restRequest(`/api/v1/me/${slot}`, { method: 'POST', headers: { 'content-type': file.type }, body: file }),
    );

  return (
    <form
      className="flex flex-col gap-4 rounded-card border border-line bg-surface p-4"
      aria-label="Edit your profile"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label className={`flex flex-col gap-1 ${LABEL}`}>
        Display name
        <input className={INPUT} value={displayName} maxLength={80} onChange={(e) => setDisplayName(e.target.value)} />
      </label>
      <label className={`flex flex-col gap-1 ${LABEL}`}>
        Bio <span className="font-normal text-muted">Plain text, up to 1,000 characters.</span>
        <textarea className={INPUT} rows={4} value={bio} maxLength={1000} onChange={(e) => setBio(e.target.value)} />
      </label>
      <label className={`flex flex-col gap-1 ${LABEL}`}>
        Links <span className="font-normal text-muted">One https:// address per line, up to five.</span>
        <textarea className={INPUT} rows={3} value={links} onChange={(e) => setLinks(e.target.value)} />
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={showSold} onChange={(e) => setShowSold(e.target.checked)} />
        Show how many licences I sold
      </label>
      <div className="flex flex-wrap gap-4 text-sm">
        {(['avatar', 'cover'] as const).map((slot) => (
          <div key={slot} className="flex flex-col gap-1">
            <label className="font-medium">
              {slot === 'avatar' ? 'Avatar' : 'Cover'} (PNG, JPEG or WebP)
              <input
                type="file"
                accept="image/png,image/jpeg,image/webp"
                className="mt-1 block text-sm"
                onChange={(e) => upload(slot, e.target.files?.[0])}
              />
            </label>
            {(slot === 'avatar' ? person.avatar : person.cover) && (
              <button
                type="button"
                className="self-start text-xs text-muted underline"
                onClick={() =>
                  void run(() => execute(ClearProfileImage, { slot: slot === 'avatar' ? 'AVATAR' : 'COVER' }))
                }
              >
                Remove {slot}
              </button>
            )}
          </div>
        ))}
      </div>
      {error && <Notice tone="bad">{error}</Notice>}
      <div className="flex gap-2">
        <Button type="submit" isPending={pending}>
          Save profile
        </Button>
        <Button variant="quiet" onPress={onDone}>
          Done
        </Button>
      </div>
    </form>
  );
}
