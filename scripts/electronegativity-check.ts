/**
 * CI gate for the Electron security lint. Reads electronegativity's CSV report with an RFC 4180 parser
 * (a field may hold commas, doubled quotes and line breaks — a CSP sample does) and its SARIF report of
 * the same run, checks that both list the same findings (electronegativity writes the CSV header and
 * rows with two unordered asynchronous writes, so a garbled file must fail loudly, never pass as
 * "no findings"), and requires every HIGH or MEDIUM finding to be explained in docs/security.md by check
 * name and file.
 *
 *   tsx scripts/electronegativity-check.ts findings.csv findings.sarif [docs/security.md]
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export interface Finding {
  check: string;
  severity: string;
  file: string;
  location: string;
}

/** RFC 4180: fields separated by commas, optionally quoted; `""` inside quotes is one quote; quoted fields may span lines. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted) {
      if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += c;
  }
  if (quoted) throw new Error('electronegativity: the CSV report ends inside a quoted field');
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

const HEADER = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample', 'description', 'url'];

export function readCsvFindings(text: string): Finding[] {
  const [header, ...rows] = parseCsv(text);
  if (!header || header.map((h) => h.trim()).join() !== HEADER.join()) {
    throw new Error(
      `electronegativity: the CSV report does not start with its header (${HEADER.join(', ')})`,
    );
  }
  return rows.map((row, i) => {
    if (row.length !== HEADER.length || !/^[A-Z_]+$/.test(row[0])) {
      throw new Error(
        `electronegativity: CSV record ${i + 1} has ${row.length} fields, expected ${HEADER.length}`,
      );
    }
    return { check: row[0], severity: row[1], file: row[3], location: row[4] };
  });
}

interface Sarif {
  runs: {
    results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
  }[];
}

function key(check: string, file: string): string {
  return `${check} in ${file}`;
}

/** Returns the report lines and the number of HIGH/MEDIUM findings not explained in the security notes. */
export function checkFindings(
  csv: string,
  sarif: string,
  securityDoc: string,
): { lines: string[]; unexplained: number } {
  const findings = readCsvFindings(csv);
  const fromSarif = (JSON.parse(sarif) as Sarif).runs
    .flatMap((r) => r.results)
    .map((r) => key(r.ruleId, r.locations[0]?.physicalLocation.artifactLocation.uri ?? 'N/A'))
    .sort();
  const fromCsv = findings.map((f) => key(f.check, f.file)).sort();
  if (fromSarif.join('\n') !== fromCsv.join('\n')) {
    throw new Error(
      `electronegativity: the CSV report (${fromCsv.length} findings) and the SARIF report (${fromSarif.length}) disagree`,
    );
  }
  const doc = securityDoc.split('\n');
  const lines: string[] = [];
  let unexplained = 0;
  for (const f of findings) {
    if (f.severity !== 'HIGH' && f.severity !== 'MEDIUM') continue;
    const explained = doc.some((line) => line.includes(f.check) && line.includes(f.file));
    lines.push(
      `electronegativity: ${f.severity} ${f.check} in ${f.file}: ${explained ? 'explained in docs/security.md' : 'NOT EXPLAINED'}`,
    );
    if (!explained) unexplained++;
  }
  return { lines, unexplained };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [csvFile, sarifFile, docFile = 'docs/security.md'] = process.argv.slice(2);
  if (!csvFile || !sarifFile)
    throw new Error('usage: electronegativity-check.ts findings.csv findings.sarif [security.md]');
  const { lines, unexplained } = checkFindings(
    readFileSync(csvFile, 'utf8'),
    readFileSync(sarifFile, 'utf8'),
    readFileSync(docFile, 'utf8'),
  );
  for (const line of lines) console.log(line);
  if (unexplained > 0) process.exit(1);
}
