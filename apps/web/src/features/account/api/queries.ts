import { queryOptions } from '@tanstack/react-query';
import type { BrowseSearch } from '../../../api/search';
import { graphql } from '../../../gql';
import { execute } from '../../../lib/graphql-client';
import { accountKeys } from './keys';

/** Where you are signed in, and your API keys. */
const AccountQuery = graphql(`
  query Account {
    mySessions(first: 50) {
      nodes {
        id
        current
        userAgent
        createdAt
        lastUsedAt
        expiresAt
      }
    }
    myApiKeys(first: 50) {
      nodes {
        id
        name
        displayPrefix
        scopes
        createdAt
        lastUsedAt
        expiresAt
        revokedAt
      }
    }
  }
`);

export const accountQuery = () =>
  queryOptions({ queryKey: accountKeys.security(), queryFn: () => execute(AccountQuery) });

const Profile = graphql(`
  query Profile($handle: String!) {
    user(handle: $handle) {
      id
      createdAt
    }
    profile(handle: $handle) {
      id
      handle
      displayName
      bio
      links {
        label
        url
      }
      avatar {
        url
        placeholder
        thumbnails {
          width
          url
        }
      }
      cover {
        url
        thumbnails {
          width
          url
        }
      }
      showLicensesSold
      isViewer
      viewerFollows
      viewerBlocked
      stats {
        followers
        following
        models
        templates
        downloads
        likesReceived
        licensesSold
      }
    }
  }
`);

/** A creator's public page: who they are, their counts and your follow and block (their work is a search by creator). */
export const profileQuery = (handle: string) =>
  queryOptions({ queryKey: accountKeys.profile(handle), queryFn: () => execute(Profile, { handle }) });

/** What a creator's page lists: their published models and workflow templates, newest first. */
export const creatorWork = (handle: string, kind?: 'model' | 'template'): BrowseSearch => ({
  creator: handle,
  sort: 'NEWEST',
  ...(kind ? { kind } : {}),
});
