/** The resolved connection URL (from DATABASE_URL, or the embedded server started at boot). */
export const DATABASE_URL = Symbol('DATABASE_URL');
