import { useQuery } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import { INPUT, cn } from '@lookbook/web-ui';
import { suggestQuery } from '../api/queries';

export type SuggestionPick = { kind: 'MODEL' | 'TEMPLATE' | 'TAG' | 'CREATOR'; text: string; ref: string };

const KIND_LABEL = { MODEL: 'Model', TEMPLATE: 'Workflow', TAG: 'Tag', CREATOR: 'Creator' } as const;

/** Waits until typing pauses, so autocomplete asks once per pause rather than once per key. */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The search box: Enter searches for the text; while typing, suggestions (models, tags, creators) appear below and
 * are picked with the arrow keys and Enter, or the mouse. ARIA combobox pattern (input + listbox, active descendant).
 */
export function SearchBox({
  initial,
  onSearch,
  onPick,
}: {
  initial: string;
  onSearch: (text: string) => void;
  onPick: (suggestion: SuggestionPick) => void;
}) {
  const [text, setText] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const id = useId();
  useEffect(() => setText(initial), [initial]);
  const prefix = useDebounced(text.trim(), 150);
  const suggestions = useQuery(suggestQuery(prefix));
  const items = open && prefix.length >= 2 ? (suggestions.data?.suggest ?? []) : [];
  const expanded = items.length > 0;

  const pick = (item: SuggestionPick) => {
    setOpen(false);
    setActive(-1);
    onPick(item);
  };

  return (
    <form
      role="search"
      className="relative w-full"
      onSubmit={(event) => {
        event.preventDefault();
        if (expanded && active >= 0 && items[active]) return pick(items[active]);
        setOpen(false);
        onSearch(text.trim());
      }}
    >
      <label htmlFor={`${id}-input`} className="sr-only">
        Search style models
      </label>
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted" />
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${id}-option-${active}` : undefined}
        autoComplete="off"
        maxLength={200}
        placeholder="Search styles, tags, creators, or paste a file hash"
        className={cn(INPUT, 'pl-9')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && items.length) {
            event.preventDefault();
            setOpen(true);
            setActive((i) => (i + 1) % items.length);
          } else if (event.key === 'ArrowUp' && items.length) {
            event.preventDefault();
            setActive((i) => (i <= 0 ? items.length - 1 : i - 1));
          } else if (event.key === 'Escape') {
            setOpen(false);
            setActive(-1);
          }
        }}
        data-testid="search-input"
      />
      <ul
        id={`${id}-list`}
        role="listbox"
        aria-label="Suggestions"
        hidden={!expanded}
        className="absolute z-30 mt-1 w-full overflow-hidden rounded-lg border border-line bg-surface py-1 shadow-lg"
      >
        {items.map((item, index) => (
          <li
            key={`${item.kind}:${item.ref}`}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            className={cn(
              'flex cursor-pointer items-center justify-between gap-3 px-3 py-2 text-sm',
              index === active ? 'bg-accent-soft text-ink' : 'text-ink',
            )}
            // mousedown, not click: the input's blur would close the list before a click lands.
            onMouseDown={(event) => {
              event.preventDefault();
              pick(item);
            }}
          >
            <span className="truncate">{item.kind === 'TAG' ? `#${item.text}` : item.text}</span>
            <span className="shrink-0 text-xs text-muted">{KIND_LABEL[item.kind]}</span>
          </li>
        ))}
      </ul>
    </form>
  );
}
