import { useSuspenseQuery } from '@tanstack/react-query';
import { Card, Detail, Stack } from '@lookbook/web-ui';
import { formatDateTime } from '../../../lib/format';
import { inboxMailQuery } from '../api/queries';

/**
 * One received mail: its headers, its text as sent (as text: nothing in a mail is markup here), and its links as
 * links, so a developer can follow a verification or reset link.
 */
export function MailView({ id }: { id: string }) {
  const { data: mail } = useSuspenseQuery(inboxMailQuery(id));
  return (
    <div data-testid="inbox-open-mail">
      <Card>
        <Stack gap={4}>
          <h2 className="text-lg font-semibold break-words">{mail.subject || '(no subject)'}</h2>
          <dl>
            <Detail term="From">{mail.from}</Detail>
            <Detail term="To">{mail.to.join(', ')}</Detail>
            <Detail term="Received">{formatDateTime(mail.receivedAt)}</Detail>
            {mail.kind && <Detail term="Kind">{mail.kind}</Detail>}
          </dl>
          <pre className="font-sans text-sm whitespace-pre-wrap text-ink [overflow-wrap:anywhere]">{mail.text}</pre>
          {mail.links.length > 0 && (
            <div>
              <h3 className="mb-1 text-sm font-semibold">Links in this mail</h3>
              <ul className="flex flex-col gap-1 text-sm">
                {mail.links.map((link) => (
                  <li key={link} className="break-all">
                    <a href={link} className="text-accent underline underline-offset-2 hover:no-underline">
                      {link}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Stack>
      </Card>
    </div>
  );
}
