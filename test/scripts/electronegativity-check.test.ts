import { describe, expect, it } from 'vitest';
import { checkFindings, parseCsv } from '../../scripts/electronegativity-check';

// The shape electronegativity 1.10.3 writes (`-o x.csv`): a header, then one record per finding with
// quoted fields; the CSP sample below is broken across lines, as it is when index.html wraps its
// Content-Security-Policy — the record that the old line-splitting check could not read.
const HEADER = 'issue, severity, confidence, filename, location, sample, description, url\n';
const CSP =
  'CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","5:0","default-src \'self\';\n    script-src \'self\'; style-src \'self\' ""x""","One or more CSP directives detected seems to be vulnerable",https://github.com/doyensec/electronegativity/wiki/CSP_GLOBAL_CHECK\n';
const SANDBOX =
  'SANDBOX_JS_CHECK,"MEDIUM","FIRM","main/index.ts","88:17","const window = new BrowserWindow(mainWindowOptions(preloadPath, bounds));","Use sandbox for untrusted origins",https://github.com/doyensec/electronegativity/wiki/SANDBOX_JS_CHECK\n';

function sarif(...findings: [string, string][]): string {
  const results = findings.map(([ruleId, uri]) => ({
    ruleId,
    locations: [{ physicalLocation: { artifactLocation: { uri } } }],
  }));
  return JSON.stringify({ runs: [{ results }] });
}

const both = sarif(['CSP_GLOBAL_CHECK', 'renderer/index.html'], ['SANDBOX_JS_CHECK', 'main/index.ts']);
const doc = '| SANDBOX_JS_CHECK | MEDIUM | main/index.ts | False positive … |\n';

describe('the electronegativity CI gate', () => {
  it('reads a quoted field that spans lines and holds doubled quotes as one field', () => {
    const rows = parseCsv(HEADER + CSP + SANDBOX);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveLength(8);
    expect(rows[1][5]).toBe("default-src 'self';\n    script-src 'self'; style-src 'self' \"x\"");
    expect(rows[2][0]).toBe('SANDBOX_JS_CHECK');
  });

  it('passes when every HIGH/MEDIUM finding is explained and names each one', () => {
    const { lines, unexplained } = checkFindings(HEADER + CSP + SANDBOX, both, doc);
    expect(unexplained).toBe(0);
    expect(lines).toEqual([
      'electronegativity: MEDIUM SANDBOX_JS_CHECK in main/index.ts: explained in docs/security.md',
    ]);
  });

  it('fails on a MEDIUM finding that docs/security.md does not explain', () => {
    expect(checkFindings(HEADER + CSP + SANDBOX, both, 'nothing here\n').unexplained).toBe(1);
  });

  it('refuses a CSV report that lost its rows or its header instead of reading it as "no findings"', () => {
    expect(() => checkFindings(HEADER, both, doc)).toThrow(
      /CSV report \(0 findings\) and the SARIF report \(2\) disagree/,
    );
    expect(() => checkFindings(CSP + SANDBOX, both, doc)).toThrow(/does not start with its header/);
    expect(() => checkFindings(HEADER + CSP.slice(0, 60), both, doc)).toThrow(/ends inside a quoted field/);
  });
});
