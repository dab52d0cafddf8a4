import type { DropZoneProps } from 'react-aria-components';

type DropEvent = Parameters<NonNullable<DropZoneProps['onDrop']>>[0];
type DropItem = DropEvent['items'][number];
type FileDropItem = Extract<DropItem, { kind: 'file' }>;

/** The files in a React Aria drop (directories and text items are skipped). */
export function droppedFiles(event: DropEvent): Promise<File[]> {
  const files = event.items.filter((item: DropItem): item is FileDropItem => item.kind === 'file');
  return Promise.all(files.map((item: FileDropItem) => item.getFile()));
}
