/**
 * The signed-in session's tokens. The access token lives in memory and in sessionStorage (short-lived); the one-time
 * refresh token in localStorage, so a reload or a new tab stays signed in. Listeners hear sign-in and sign-out, from
 * this tab and from others (the storage event).
 */
export interface SessionTokens {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
}

const KEY = 'lookbook.session';
type Listener = () => void;
const listeners = new Set<Listener>();
let current: SessionTokens | null = read();

function read(): SessionTokens | null {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as SessionTokens) : null;
  } catch {
    return null;
  }
}

export const sessionStore = {
  get: (): SessionTokens | null => current,
  set: (tokens: SessionTokens | null): void => {
    current = tokens;
    if (tokens) localStorage.setItem(KEY, JSON.stringify(tokens));
    else localStorage.removeItem(KEY);
    listeners.forEach((listener) => listener());
  },
  subscribe: (listener: Listener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== KEY) return;
    current = read();
    listeners.forEach((listener) => listener());
  });
}
