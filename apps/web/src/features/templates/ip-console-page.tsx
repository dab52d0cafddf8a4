import { useSuspenseQuery } from '@tanstack/react-query';
import { Badge, Card, EmptyState, Inline, PageHeader, SectionHeading, Stack, Text } from '@lookbook/web-ui';
import { useTitle } from '../../lib/use-title';
import { ipConsoleQuery } from './api/queries';
import { ApprovalQueue } from './components/approval-queue';
import { BindCard } from './components/bind-card';
import { BoundTemplates } from './components/bound-templates';
import { RegisterIpCard } from './components/register-ip-card';

/**
 * The IP owner's console: register a franchise or character, bind your templates to it with the terms fans remix
 * under (explained live, in plain words, as you edit), unbind them (saying first what that does to their remixes),
 * and decide the remixes waiting for your approval.
 */
export function IpConsolePage() {
  useTitle('Your IPs');
  const page = useSuspenseQuery(ipConsoleQuery());
  const { myIntellectualProperties: ips, myTemplates, remixQueue } = page.data;
  return (
    <Stack gap={6}>
      <PageHeader
        title="Your IPs"
        subtitle="Franchises and characters you own: the terms fans remix them under, and the remixes waiting for you."
      />
      <ApprovalQueue queue={remixQueue} />
      <div className="grid gap-6 lg:grid-cols-2">
        <RegisterIpCard />
        <Card>
          <SectionHeading>Registered</SectionHeading>
          {ips.length === 0 ? (
            <EmptyState title="No IP yet" level={3}>
              Register a franchise or character to set the terms fans remix under.
            </EmptyState>
          ) : (
            <Stack as="ul" gap={2} className="text-sm" data-testid="ip-list">
              {ips.map((ip) => (
                <Inline as="li" key={ip.id}>
                  <span className="font-medium">{ip.name}</span>
                  <Badge>{ip.kind.toLowerCase()}</Badge>
                  <Text as="span" size="inherit">
                    {boundCount(myTemplates, ip.id)}
                  </Text>
                </Inline>
              ))}
            </Stack>
          )}
        </Card>
      </div>
      <BoundTemplates ips={ips} templates={myTemplates.filter((t) => t.ipBinding)} />
      {ips.length > 0 && <BindCard ips={ips} templates={myTemplates.filter((t) => !t.ipId)} />}
    </Stack>
  );
}
/** "1 template bound", "3 templates bound" (bound itself: remixes of yours belong to it through their parent). */
function boundCount(templates: readonly { ipBinding?: { ipId: string } | null }[], ipId: string): string {
  const n = templates.filter((t) => t.ipBinding?.ipId === ipId).length;
  return `${n} ${n === 1 ? 'template' : 'templates'} bound`;
}
