import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { TextLink } from '@lookbook/web-ui';
import { scopes } from '../../api/keys';
import { execute } from '../../lib/graphql-client';
import { useTitle } from '../../lib/use-title';
import { ConfirmEmailChange } from './api/mutations';
import { TokenLinkPage } from './components/token-link-page';

const route = getRouteApi('/confirm-email');

/** The link mailed to a new address: makes it the account's email address. */
export function ConfirmEmailPage() {
  useTitle('Confirm your new email');
  const { token } = route.useSearch();
  const client = useQueryClient();
  return (
    <TokenLinkPage
      title="Confirm your new email"
      token={token}
      pending="Changing your email address"
      run={async (t) => {
        const result = await execute(ConfirmEmailChange, { token: t });
        await client.invalidateQueries({ queryKey: scopes.session });
        return result;
      }}
      success={(result) => (
        <>
          Your email address is now {result.confirmEmailChange.email}.{' '}
          <TextLink to="/account">Back to your account</TextLink>
        </>
      )}
      recovery={
        <p className="text-sm">
          Ask again from your <TextLink to="/account">account settings</TextLink>.
        </p>
      }
    />
  );
}
