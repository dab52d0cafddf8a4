/** The media type of a request body, without parameters, lower case (`image/png; x=y` → `image/png`); '' if none. */
export function mediaTypeOf(headers: Record<string, string | string[] | undefined>): string {
  const value = headers['content-type'];
  return (typeof value === 'string' ? value : '').split(';')[0]!.trim().toLowerCase();
}
