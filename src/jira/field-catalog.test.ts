import fc from 'fast-check';
import { jiraFixture } from '../../test/fixtures/jira/load';
import { allocationCatalog, configuredFieldIds, discoverable, discoverFields, discoveryView, EMPTY_CATALOG, fromDiscoveryView, fieldsToRequest, FLOAT_TYPE, parseFieldList, SLA_TYPE, SPRINT_TYPE, STORY_POINTS_TYPE } from './field-catalog';

const fields = jiraFixture<unknown[]>('fields.json');

describe('discoverFields', () => {
  it('finds points (team-managed first, then company-managed), sprint, every SLA and Severity by name', () => {
    expect(discoverFields(fields)).toEqual({
      catalog: {
        storyPoints: [
          { id: 'customfield_10016', name: 'Story point estimate' },
          { id: 'customfield_10026', name: 'Story Points' },
        ],
        sprint: { id: 'customfield_10020', name: 'Sprint' },
        slas: [
          { id: 'customfield_10031', name: 'Time to resolution' },
          { id: 'customfield_10032', name: 'Time to first response' },
        ],
        severity: { id: 'customfield_10081', name: 'Severity' },
      },
      notes: [],
    });
  });

  it('does not take a text field called "Story points" for points', () => {
    const ids = discoverFields(fields).catalog.storyPoints.map((f) => f.id);
    expect(ids).not.toContain('customfield_10099');
  });

  it('puts the board estimation field first', () => {
    const ids = discoverFields(fields, { storyPointsFieldId: 'customfield_10026' }).catalog.storyPoints.map((f) => f.id);
    expect(ids).toEqual(['customfield_10026', 'customfield_10016']);
  });

  it('keeps a configured points field it cannot see in the list', () => {
    expect(discoverFields(fields, { storyPointsFieldId: 'customfield_1' }).catalog.storyPoints[0]).toEqual({ id: 'customfield_1', name: 'customfield_1' });
  });

  it('uses a configured Severity field over the name', () => {
    const list = [...fields, { id: 'customfield_20000', name: 'Impact', schema: { type: 'option', custom: 'x:select' } }];
    expect(discoverFields(list, { severityFieldId: 'customfield_20000' })).toMatchObject({ catalog: { severity: { id: 'customfield_20000', name: 'Impact' } }, notes: [] });
  });

  it('says so when the configured Severity field is not visible', () => {
    const { catalog, notes } = discoverFields(fields, { severityFieldId: 'customfield_404' });
    expect(catalog.severity).toEqual({ id: 'customfield_404', name: 'Severity' });
    expect(notes).toEqual(['The configured Severity field customfield_404 is not in the field list; choose it again in the settings.']);
  });

  it('matches Severity case-insensitively, and picks none of two fields named Severity, naming both', () => {
    expect(discoverFields([{ id: 'customfield_1', name: 'severity ' }]).catalog.severity).toEqual({ id: 'customfield_1', name: 'severity ' });
    const { catalog, notes } = discoverFields([{ id: 'customfield_1', name: 'severity ' }, { id: 'customfield_2', name: 'SEVERITY' }]);
    expect(catalog.severity).toBeUndefined();
    expect(notes).toEqual(['2 fields are named Severity — severity (customfield_1), SEVERITY (customfield_2) — so none was used and severity is unknown. Choose one in the settings (or with --severity-field).']);
  });

  describe('Severity under another name (issue 16, item 1)', () => {
    const radio = (id: string, name: string) => ({ id, name, custom: true, schema: { type: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:radiobuttons', customId: 1 } });
    const multi = (id: string, name: string) => ({ id, name, custom: true, schema: { type: 'array', items: 'option', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:multiselect' } });
    const cascading = (id: string, name: string) => ({ id, name, custom: true, schema: { type: 'option-with-child', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:cascadingselect' } });
    const text = (id: string, name: string) => ({ id, name, custom: true, schema: { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield' } });
    const site = (fields as Array<{ name: string }>).filter((f) => f.name !== 'Severity');

    it.each([
      ['radio buttons', radio('customfield_30001', 'Bug Severity')],
      ['a multi-select', multi('customfield_30001', 'Customer severity')],
      ['a cascading select', cascading('customfield_30001', 'SEVERITY level')],
    ])('finds the one field with options whose name contains "severity" (%s) and says which it chose', (_kind, field) => {
      const { catalog, notes } = discoverFields([...site, field, text('customfield_30002', 'Severity notes')]);
      expect(catalog.severity).toEqual({ id: 'customfield_30001', name: field.name });
      expect(notes).toEqual([`Severity is read from ${field.name} (customfield_30001): the one field with options whose name contains "severity". Choose another in the settings if that is wrong.`]);
    });

    it('picks none when several option fields mention severity, and names them', () => {
      const { catalog, notes } = discoverFields([...site, radio('customfield_30001', 'Bug Severity'), multi('customfield_30003', 'Incident severity')]);
      expect(catalog.severity).toBeUndefined();
      expect(notes).toEqual(['2 fields with options have "severity" in their name — Bug Severity (customfield_30001), Incident severity (customfield_30003) — so none was used and severity is unknown. Choose one in the settings (or with --severity-field).']);
    });

    it('prefers the field named exactly Severity, quietly, and ignores text fields that mention it', () => {
      expect(discoverFields([...fields, radio('customfield_30001', 'Bug Severity')])).toMatchObject({ catalog: { severity: { id: 'customfield_10081', name: 'Severity' } }, notes: [] });
      expect(discoverFields([...site, text('customfield_30002', 'Severity notes')]).catalog.severity).toBeUndefined();
    });

    it('an admin choice (--severity-field, settings) wins over every guess', () => {
      const list = [...site, radio('customfield_30001', 'Bug Severity'), multi('customfield_30003', 'Incident severity')];
      expect(discoverFields(list, { severityFieldId: 'customfield_30003' })).toMatchObject({ catalog: { severity: { id: 'customfield_30003', name: 'Incident severity' } }, notes: [] });
    });
  });

  it.each([[null], [{}], ['[]'], [42]])('treats %j as no field list', (input) => {
    expect(discoverFields(input)).toEqual({ catalog: EMPTY_CATALOG, notes: ['The field list is not a JSON array, so no custom fields were recognised.'] });
  });

  it('has nothing to find in an empty list', () => {
    expect(discoverFields([])).toEqual({ catalog: EMPTY_CATALOG, notes: [] });
  });
});

describe('fieldsToRequest', () => {
  it('asks for the system fields the mapper reads plus the discovered custom fields, once each', () => {
    const requested = fieldsToRequest(discoverFields(fields).catalog);
    expect(requested).toEqual(expect.arrayContaining(['summary', 'priority', 'status', 'issuetype', 'labels', 'customfield_10016', 'customfield_10020', 'customfield_10031', 'customfield_10081']));
    expect(new Set(requested).size).toBe(requested.length);
    expect(requested).not.toContain('*all');
  });
});

describe('allocationCatalog', () => {
  it('asks for everything fieldsToRequest does except the SLA fields, which the allocation maths never reads', () => {
    const catalog = discoverFields(fields).catalog;
    const slaIds = catalog.slas.map((f) => f.id);
    expect(slaIds.length).toBeGreaterThan(0);
    const all = fieldsToRequest(catalog);
    const lean = fieldsToRequest(allocationCatalog(catalog));
    expect(lean).toEqual(all.filter((id) => !slaIds.includes(id)));
    expect(allocationCatalog(catalog)).toEqual({ ...catalog, slas: [] });
  });
});

describe('discoverFields properties', () => {
  it('never throws, and only ever names fields from the list (or the ones configured)', () => {
    const field = fc.record({
      id: fc.constantFrom('customfield_1', 'customfield_2', 'customfield_3', 'summary'),
      name: fc.constantFrom('Severity', 'Story Points', 'Sprint', 'Other'),
      schema: fc.record({ custom: fc.constantFrom(STORY_POINTS_TYPE, FLOAT_TYPE, SPRINT_TYPE, SLA_TYPE, 'x:select') }),
    });
    fc.assert(
      fc.property(fc.array(fc.oneof(field, fc.anything()), { maxLength: 8 }), (list) => {
        const { catalog } = discoverFields(list);
        const ids = new Set(list.flatMap((f) => (f !== null && typeof f === 'object' && 'id' in f ? [String((f as { id: unknown }).id)] : [])));
        const named = [...catalog.storyPoints, ...catalog.slas, ...(catalog.sprint ? [catalog.sprint] : []), ...(catalog.severity ? [catalog.severity] : [])];
        for (const ref of named) expect(ids.has(ref.id)).toBe(true);
        expect(new Set(catalog.storyPoints.map((f) => f.id)).size).toBe(catalog.storyPoints.length);
      }),
    );
  });
});

describe('what a stored copy of the field list keeps (discoveryView, discoverable)', () => {
  const asField = fromDiscoveryView;

  it('keeps id, name and only the schema types discovery matches on', () => {
    const parsed = parseFieldList(fields);
    expect(parsed.map(discoveryView)).toContainEqual({ id: 'customfield_10081', name: 'Severity' });
    expect(parsed.map(discoveryView)).toContainEqual({ id: 'customfield_10020', name: 'Sprint', type: SPRINT_TYPE });
    expect(parsed.filter(discoverable).map((f) => f.id).sort()).toEqual(['customfield_10016', 'customfield_10020', 'customfield_10026', 'customfield_10031', 'customfield_10032', 'customfield_10081']);
    expect(configuredFieldIds({ storyPointsFieldId: 'customfield_1', severityFieldId: 'customfield_2' })).toEqual(['customfield_1', 'customfield_2']);
    expect(configuredFieldIds({})).toEqual([]);
  });

  it('discovers exactly the same from the kept views, and from the discoverable and configured fields alone', () => {
    const field = fc.record({
      id: fc.constantFrom('customfield_1', 'customfield_2', 'customfield_3', 'customfield_4', 'summary'),
      name: fc.constantFrom('Severity', ' severity', 'Bug Severity', 'severity of impact', 'Story Points', 'story points', 'Sprint', 'Other'),
      schema: fc.record(
        { type: fc.constantFrom('number', 'option', 'array', 'option-with-child', 'string'), items: fc.constantFrom('option', 'string'), custom: fc.constantFrom(STORY_POINTS_TYPE, FLOAT_TYPE, SPRINT_TYPE, SLA_TYPE, 'x:select', 'x:textfield') },
        { requiredKeys: ['type'] },
      ),
    });
    const options = fc.record({ storyPointsFieldId: fc.constantFrom('customfield_1', 'customfield_4', 'customfield_9'), severityFieldId: fc.constantFrom('customfield_2', 'customfield_3', 'customfield_9') }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.array(field, { maxLength: 10 }), options, (list, opts) => {
        const parsed = parseFieldList(list);
        const expected = discoverFields(parsed, opts);
        expect(discoverFields(parsed.map(discoveryView).map(asField), opts)).toEqual(expected);
        const kept = parsed.filter((f) => discoverable(f) || configuredFieldIds(opts).includes(f.id));
        expect(discoverFields(kept.map(discoveryView).map(asField), opts)).toEqual(expected);
      }),
    );
  });
});
