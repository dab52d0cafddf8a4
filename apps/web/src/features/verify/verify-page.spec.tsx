import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { renderWithQueries } from '../../../test/render';
import { VerifyPage } from './verify-page';

const FILE_HASH = 'a'.repeat(64);

async function issuer() {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
  const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'EdDSA', use: 'sig' }] };
  const certificate = await new SignJWT({
    resource: 'urn:lookbook:model:m:version:v',
    tier: 'COMMERCIAL',
    terms_sha256: 'b'.repeat(64),
    files_sha256: [FILE_HASH],
  })
    .setProtectedHeader({ alg: 'EdDSA', kid: 'k1', typ: 'lookbook-license+jwt' })
    .setIssuer('lookbook')
    .setSubject('0190a5b0-0000-7000-8000-000000000002')
    .setJti('0190a5b0-0000-7000-8000-000000000003')
    .setIssuedAt(1_790_000_000)
    .sign(privateKey);
  return { jwks, certificate };
}

/** JWKS and the online check, as the API answers them; `graphql` records whether the server was asked at all. */
function serve(jwks: unknown, status: 'ACTIVE' | 'REVOKED') {
  const graphql = jest.fn(() => ({
    data: {
      verifyLicense: {
        valid: status === 'ACTIVE',
        status,
        problem: null,
        message: null,
        license: {
          id: 'l1',
          tier: 'COMMERCIAL',
          status,
          resourceName: 'Harbour Lights — v1',
          subjectId: 'm',
          issuedAt: '2026-09-21T00:00:00Z',
          revokedAt: status === 'REVOKED' ? '2026-10-01T00:00:00Z' : null,
          revocationReason: status === 'REVOKED' ? 'FRAUD' : null,
          termsText: 'Lookbook Commercial Licence',
          fileSha256s: [FILE_HASH],
          licensee: { handle: 'grace', displayName: 'Grace' },
          permissions: {
            commercialUse: 'SELL_GENERATED_IMAGES',
            derivativesAllowed: true,
            creditRequired: false,
            creditLine: null,
            seats: 5,
          },
        },
      },
    },
  }));
  global.fetch = jest.fn(async (url: string) => ({
    ok: true,
    status: 200,
    statusText: 'OK',
    json: async () => (url === '/.well-known/jwks.json' ? jwks : graphql()),
  })) as unknown as typeof fetch;
  return graphql;
}

async function verify(certificate: string) {
  const user = userEvent.setup();
  renderWithQueries(<VerifyPage />);
  await user.click(screen.getByLabelText('Certificate'));
  await user.paste(certificate);
  await user.click(screen.getByRole('button', { name: 'Verify' }));
  return user;
}

describe('VerifyPage', () => {
  beforeEach(() => window.history.replaceState(null, '', '/verify'));

  it('verifies the signature in the browser, then shows the online status, holder and covered files', async () => {
    const { jwks, certificate } = await issuer();
    const graphql = serve(jwks, 'ACTIVE');
    await verify(certificate);
    await waitFor(() => expect(screen.getByTestId('verify-result')).toHaveAttribute('data-verdict', 'valid'));
    expect(screen.getByText('This licence is genuine and active')).toBeVisible();
    expect(screen.getByText('Grace (@grace)')).toBeVisible();
    expect(screen.getByTestId('covered-hash')).toHaveTextContent(FILE_HASH);
    expect(graphql).toHaveBeenCalledTimes(1);
  });

  it('shows a revoked licence as genuine but revoked', async () => {
    const { jwks, certificate } = await issuer();
    serve(jwks, 'REVOKED');
    await verify(certificate);
    await waitFor(() => expect(screen.getByTestId('verify-result')).toHaveAttribute('data-verdict', 'revoked'));
    expect(screen.getByText('Genuine, but this licence has been revoked')).toBeVisible();
  });

  it('calls an edited certificate forged without asking the server', async () => {
    const { jwks, certificate } = await issuer();
    const graphql = serve(jwks, 'ACTIVE');
    const [header, payload, signature] = certificate.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = [
      header,
      Buffer.from(JSON.stringify({ ...claims, tier: 'EXCLUSIVE' })).toString('base64url'),
      signature,
    ].join('.');
    await verify(forged);
    await waitFor(() => expect(screen.getByTestId('verify-result')).toHaveAttribute('data-verdict', 'forged'));
    expect(screen.getByText(/signature does not match its contents/)).toBeVisible();
    expect(graphql).not.toHaveBeenCalled();
  });

  it('calls text that is not a certificate malformed, and one signed by an unpublished key unknown', async () => {
    const { jwks } = await issuer();
    serve(jwks, 'ACTIVE');
    await verify('hello world');
    await waitFor(() => expect(screen.getByText('This is not a Lookbook licence certificate.')).toBeVisible());
  });

  it('checks a dropped file against the covered hashes locally', async () => {
    const { jwks, certificate } = await issuer();
    serve(jwks, 'ACTIVE');
    const user = await verify(certificate);
    await waitFor(() => expect(screen.getByTestId('verify-result')).toHaveAttribute('data-verdict', 'valid'));
    const inputs = document.querySelectorAll<HTMLInputElement>('input[type=file]');
    await user.upload(inputs[inputs.length - 1]!, new File(['not the model'], 'other.safetensors'));
    await waitFor(() =>
      expect(screen.getByTestId('file-check-result')).toHaveTextContent(
        'other.safetensors is not covered by this licence',
      ),
    );
  });
});
