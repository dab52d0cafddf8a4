import type { QueryClient } from '@tanstack/react-query';
import { ensureMe } from '../../../api/session';
import { FIRST_PURPOSE, ipConsoleQuery, rollupQuery, templatePageQuery } from './queries';
import { shownVersion } from './template-view';

/**
 * A template page as the viewer sees it (their drafts and licences), then — without waiting — the roll-up of the
 * version it shows, which its card reads.
 */
export async function loadTemplatePage(client: QueryClient, id: string): Promise<void> {
  const me = await ensureMe(client);
  const { template } = await client.ensureQueryData(templatePageQuery(id, me?.id ?? null));
  const version = shownVersion(template.versions, !!me && template.ownerId === me.id);
  if (version?.status === 'PUBLISHED') void client.prefetchQuery(rollupQuery(version.id, FIRST_PURPOSE, !!me));
}

/** The IP console: your IPs, your templates and the remixes waiting for you, in one request. */
export async function loadIpConsole(client: QueryClient): Promise<void> {
  await client.ensureQueryData(ipConsoleQuery());
}
