import type { QueryClient } from '@tanstack/react-query';
import { jwksQuery } from './queries';

/**
 * The verify page checks what is pasted or linked, in the browser: the published keys are read before it shows. A
 * failure is the page's to say (with its own retry), under the form, so it is not thrown here.
 */
export async function loadVerify(client: QueryClient): Promise<void> {
  await client.ensureQueryData(jwksQuery()).catch(() => undefined);
}
