import { useEffect, useState } from 'react';
import { buttonStyles } from '@lookbook/web-ui';

type Theme = 'system' | 'light' | 'dark';
const KEY = 'lookbook.theme';
const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<Theme, string> = { system: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };

/** Cycles system → light → dark; the choice is remembered and applied before first paint (index.html). */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(() => (localStorage.getItem(KEY) as Theme | null) ?? 'system');
  useEffect(() => {
    if (theme === 'system') {
      document.documentElement.removeAttribute('data-theme');
      localStorage.removeItem(KEY);
    } else {
      document.documentElement.setAttribute('data-theme', theme);
      localStorage.setItem(KEY, theme);
    }
  }, [theme]);
  return (
    <button
      type="button"
      className={buttonStyles('quiet', 'sm')}
      onClick={() => setTheme(NEXT[theme])}
      aria-label={LABEL[theme]}
    >
      <span aria-hidden>{theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}</span>
    </button>
  );
}
