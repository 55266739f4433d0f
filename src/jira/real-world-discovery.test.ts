/**
 * Field discovery over field lists shaped like real Jira Cloud sites' `GET /rest/api/3/field`
 * (test/fixtures/real-world/fields, origins in SOURCES.md): which field is the Severity, the story
 * points, the sprint and the SLAs, and what discovery tells the admin. One row per fixture; a new
 * fixture fails here until it has one.
 */
import { realWorldFixtures } from '../../test/fixtures/real-world/load';
import { discoverFields, type Discovery } from './field-catalog';

const EXPECTED: Record<string, Discovery> = {
  'duplicated-bug-severity.json': {
    // The same "Bug Severity" select created twice (a script run again): a guess would pick one at random.
    catalog: { storyPoints: [{ id: 'customfield_10026', name: 'Story Points' }], sprint: { id: 'customfield_10020', name: 'Sprint' }, slas: [] },
    notes: ['2 fields with options have "severity" in their name — Bug Severity (customfield_10041), Bug Severity (customfield_10058) — so none was used and severity is unknown. Choose one in the settings (or with --severity-field).'],
  },
  'help-desk-bug-severity.json': {
    // A radio-button "Bug Severity" and no field named Severity; Advanced Roadmaps' "Original story points" is not points.
    catalog: {
      storyPoints: [{ id: 'customfield_10016', name: 'Story point estimate' }],
      sprint: { id: 'customfield_10020', name: 'Sprint' },
      slas: [
        { id: 'customfield_10665', name: 'Time to resolution' },
        { id: 'customfield_10666', name: 'Time to first response' },
      ],
      severity: { id: 'customfield_10629', name: 'Bug Severity' },
    },
    notes: ['Severity is read from Bug Severity (customfield_10629): the one field with options whose name contains "severity". Choose another in the settings if that is wrong.'],
  },
  'jsm-itsm-site.json': {
    // The IT service management template: a Severity select beside Urgency and Impact, four SLAs, both points fields.
    catalog: {
      storyPoints: [
        { id: 'customfield_10024', name: 'Story point estimate' },
        { id: 'customfield_10028', name: 'Story Points' },
      ],
      sprint: { id: 'customfield_10018', name: 'Sprint' },
      slas: [
        { id: 'customfield_10071', name: 'Time to resolution' },
        { id: 'customfield_10072', name: 'Time to first response' },
        { id: 'customfield_10073', name: 'Time to close after resolution' },
        { id: 'customfield_10074', name: 'Time to review normal change' },
      ],
      severity: { id: 'customfield_10060', name: 'Severity' },
    },
    notes: [],
  },
  'localised-service-desk.json': {
    // German names: SLAs are found by their type; a Severity named "Schweregrad" is not found (the admin names it in the settings).
    catalog: {
      storyPoints: [],
      slas: [
        { id: 'customfield_11038', name: 'Zeit bis zur Lösung' },
        { id: 'customfield_12084', name: 'Triage-SLA' },
        { id: 'customfield_12118', name: 'QA-Prüfung SLA' },
        { id: 'customfield_12151', name: 'Lösungszeit SLA' },
        { id: 'customfield_12152', name: 'Erstreaktion SLA' },
      ],
    },
    notes: [],
  },
  'server-dc-site.json': {
    // Jira Server/Data Center lists its fields the same way (sprint items "string"): discovery itself does not differ.
    catalog: { storyPoints: [{ id: 'customfield_10002', name: 'Story Points' }], sprint: { id: 'customfield_10005', name: 'Sprint' }, slas: [] },
    notes: [],
  },
};

const fieldLists = realWorldFixtures('fields');

it('has one expectations row per field-list fixture', () => {
  expect(Object.keys(EXPECTED).sort()).toEqual(fieldLists.map(([name]) => name));
});

it.each(fieldLists)('discovers the fields of %s', (name, list) => {
  expect(discoverFields(list)).toEqual(EXPECTED[name]);
});

it('takes the admin\'s choice between two same-named Severity fields without a note', () => {
  const [, list] = fieldLists.find(([name]) => name === 'duplicated-bug-severity.json') ?? [];
  expect(discoverFields(list, { severityFieldId: 'customfield_10058' })).toMatchObject({ catalog: { severity: { id: 'customfield_10058', name: 'Bug Severity' } }, notes: [] });
});
