import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { TextLink } from '@lookbook/web-ui';
import { scopes } from '../../api/keys';
import { execute } from '../../lib/graphql-client';
import { useMe } from '../../lib/session';
import { useTitle } from '../../lib/use-title';
import { VerifyEmail } from './api/mutations';
import { ResendVerificationButton } from './components/email-card';
import { TokenLinkPage } from './components/token-link-page';

const route = getRouteApi('/verify-email');

/** The link in the verification mail: proves the address, once. */
export function VerifyEmailPage() {
  useTitle('Verify your email');
  const { token } = route.useSearch();
  const { me } = useMe();
  const client = useQueryClient();
  return (
    <TokenLinkPage
      title="Verify your email"
      token={token}
      pending="Verifying your email address"
      run={async (t) => {
        const result = await execute(VerifyEmail, { token: t });
        await client.invalidateQueries({ queryKey: scopes.session });
        return result;
      }}
      success={(result) => (
        <>
          {result.verifyEmail.email} is verified. <TextLink to="/">Go to Lookbook</TextLink>
        </>
      )}
      recovery={
        me && !me.emailVerified ? (
          <ResendVerificationButton />
        ) : me ? null : (
          <p className="text-sm">
            <TextLink to="/sign-in" search={{ next: '/account' }}>
              Sign in
            </TextLink>{' '}
            to have a new link sent.
          </p>
        )
      }
    />
  );
}
