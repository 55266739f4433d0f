import fc from 'fast-check';
import { DEFAULT_SEVERITY_MAP, normalizeSeverity, SEVERITY_LEVELS, type SeverityValueMap } from './severity';

describe('normalizeSeverity with the default map', () => {
  it.each([
    ['Sev 1', 'S1'],
    ['Sev1', 'S1'],
    ['SEV-1', 'S1'],
    ['sev_1', 'S1'],
    ['S1', 'S1'],
    ['s1', 'S1'],
    ['1', 'S1'],
    [1, 'S1'],
    ['1 - Critical', 'S1'],
    ['Critical', 'S1'],
    ['CRITICAL', 'S1'],
    ['Blocker', 'S1'],
    ['Urgent', 'S1'],
    ['Severity 1', 'S1'],
    ['Severity: 2', 'S2'],
    ['Sev 2 (major)', 'S2'],
    ['2 - High', 'S2'],
    ['Major', 'S2'],
    ['S3', 'S3'],
    ['3', 'S3'],
    ['Moderate', 'S3'],
    ['Minor', 'S3'],
    ['4 - Low', 'S4'],
    ['Trivial', 'S4'],
    ['Cosmetic', 'S4'],
    ['sev.4', 'S4'],
  ])('%j → %s', (value, severity) => {
    expect(normalizeSeverity(value)).toBe(severity);
  });

  it.each([[null], [undefined], [''], [' - '], ['5'], ['S5'], ['Sev 10'], ['10'], ['Whatever'], ['0'], [0]])(
    '%j is unknown, never a guess',
    (value) => {
      expect(normalizeSeverity(value as string | number | null | undefined)).toBe('unknown');
    },
  );

  it('lets the leading number win over the words after it', () => {
    expect(normalizeSeverity('4 - Critical')).toBe('S4');
  });
});

describe('normalizeSeverity with a site-specific map', () => {
  const map: SeverityValueMap = { ...DEFAULT_SEVERITY_MAP, S1: ['Outage'], S2: ['Degraded'] };
  it.each([
    ['Outage', 'S1'],
    ['Degraded', 'S2'],
    ['Critical', 'unknown'],
    ['Sev 1', 'S1'],
  ])('%j → %s', (value, severity) => {
    expect(normalizeSeverity(value, map)).toBe(severity);
  });
});

describe('normalizeSeverity properties', () => {
  it('understands every "Sev N" spelling regardless of case and separator', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('Sev', 'SEV', 'sev', 'S', 's', 'Severity', ''),
        fc.constantFrom('', ' ', '-', '_', '.', ': ', ' - '),
        fc.constantFrom('', ' - Critical', ' (whatever)'),
        (n, prefix, sep, suffix) => {
          expect(normalizeSeverity(`${prefix}${sep}${n}${suffix}`)).toBe(`S${n}`);
        },
      ),
    );
  });

  it('always answers a level or unknown', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.integer()), (value) => {
        expect([...SEVERITY_LEVELS, 'unknown']).toContain(normalizeSeverity(value));
      }),
    );
  });
});
