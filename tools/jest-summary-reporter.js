// Records `tests: N passed, N failed, N skipped` for tools/test.js to print after jest exits (jest's CLI prints its
// own last line after every reporter, so a reporter cannot close the output itself).
const { writeFileSync } = require('node:fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `tests: ${results.numPassedTests} passed, ${failed} failed, ${results.numPendingTests} skipped`;
    if (process.env.LOOKBOOK_TEST_SUMMARY_FILE) writeFileSync(process.env.LOOKBOOK_TEST_SUMMARY_FILE, line);
  }
}
module.exports = SummaryReporter;
