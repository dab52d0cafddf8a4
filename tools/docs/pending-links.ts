/**
 * Pages the docs link to that other work adds, each with who writes it. A link to one passes while it is missing; once
 * the page exists its entry is reported, so this list only shrinks (remove the entry when the page lands).
 */
export const PENDING_LINKS: Readonly<Record<string, string>> = {};
