import { useEffect } from 'react';

/** Sets the document title: "<page> · Lookbook". */
export function useTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Lookbook` : 'Lookbook';
  }, [title]);
}
