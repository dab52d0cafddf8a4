/** The look of every text input and label (shared by React Aria fields and native ones). */
export const INPUT =
  'w-full rounded-lg border border-line bg-surface px-3 py-2 text-sm text-ink placeholder:text-muted ' +
  'focus:outline-2 focus:outline-accent data-invalid:border-bad';
export const LABEL = 'text-sm font-medium text-ink';
