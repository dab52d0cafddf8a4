import type { DocFile, DocProblem } from './markdown';
import { prose } from './markdown';

const ISSUE = /\bissues?\s+#?\d+|(?:^|[\s(])#\d+\b/i;

/** Docs say what was built and why, not which ticket asked for it: no "issue 14", no "#27" in the prose. */
export function checkNoIssueNumbers(files: readonly DocFile[]): DocProblem[] {
  const problems: DocProblem[] = [];
  for (const file of files)
    prose(file.text)
      .split('\n')
      .forEach((line, index) => {
        const match = ISSUE.exec(line);
        if (match)
          problems.push({
            file: file.path,
            line: index + 1,
            message: `names an issue number ("${match[0].trim()}"): say what changed instead`,
          });
      });
  return problems;
}
