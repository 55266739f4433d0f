/**
 * The settings form: the draft of every editable setting and the policy, saved together with the
 * revision the page showed. Validation messages go next to their fields (the resolver names them by
 * path), a conflict offers a reload, and people who may not edit see everything read-only.
 */
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useRef, useState } from 'react';
import { resolver } from '../../api/resolver';
import { ErrorMessage } from '../../components/status';
import type { ResolverError, SettingsChoices, SettingsSavePayload, SettingsView } from '../../../../src/contract';
import { effectivePriorityMap, effectiveSeverityMap, normalizePriority, normalizeSeverity, priorityOrderNote, PRIORITY_LEVELS, severityOrderNote, SEVERITY_LEVELS } from '../../../../src/contract/domain';
import { BoardPicker } from './board-picker';
import { BudgetModeField } from './budget-mode-field';
import { FollowUpKindsField } from './follow-up-kinds-field';
import { CapacityFields } from './capacity-fields';
import { fieldName, sameDraft, type Draft, type FieldErrors } from './draft';
import { FieldPicker } from './field-picker';
import { ListField, NumberField, Row, Section, TextField, ToggleField } from './fields';
import { PolicyEditor } from './policy-editor';
import { PolicyPreview } from './policy-preview';
import { NamePicker } from './name-picker';
import { RosterEditor } from './roster-editor';
import { WipStatusPicker } from './wip-status-picker';
import { RotationOverrides } from './rotation-overrides';
import { SprintAllocations } from './sprint-allocations';
import { reportSave, SaveBar } from './save-bar';
import { SettingsFile } from './settings-file';
import { SiteChoicesContext, useLoadedChoices } from './site-choices';
import { ValueMapEditor } from './value-map-editor';

const PRIORITY_WORDS: Readonly<Record<(typeof PRIORITY_LEVELS)[number], string>> = { P1: 'P1 (most urgent)', P2: 'P2', P3: 'P3', P4: 'P4', P5: 'P5 (least urgent)' };
const SEVERITY_WORDS: Readonly<Record<(typeof SEVERITY_LEVELS)[number], string>> = { S1: 'S1 (most severe)', S2: 'S2', S3: 'S3', S4: 'S4 (least severe)' };

/**
 * What the form starts from: the stored settings, except that defaults nobody saved yet get the
 * support filter fitted to this project (no "[System] Incident" on a software project).
 */
function initialDraft(view: SettingsView, choices: SettingsChoices): Draft {
  const fitted = choices.defaultSupportFilter;
  const fit = view.isDefault && choices.issueTypes.length > 0;
  return { settings: fit ? { ...view.settings, supportFilter: { issueTypes: [...fitted.issueTypes], labels: [...fitted.labels] } } : view.settings, policy: view.policy.policy };
}

interface Props {
  readonly view: SettingsView;
  /** The site's lists, asked for with the settings (issue 12, item 7). */
  readonly choices: SettingsChoices;
  readonly siteUrl?: string;
  /** The viewer's account id (the page context's, for display only): shown as "you". */
  readonly viewer?: string;
  readonly onSaved: (view: SettingsView) => void;
  readonly onReload: () => void;
  /** Throw the draft away: the parent rebuilds the form from `view`. */
  readonly onDiscard: () => void;
  /** Shown once after a save (the form is rebuilt from the saved view). */
  readonly savedNotice?: string;
}

/** A heading inside a section (the value maps). */
function SubHeading({ title, description }: { title: string; description: string }) {
  return (
    <div>
      <h3 style={{ font: token('font.heading.small'), color: token('color.text'), margin: 0 }}>{title}</h3>
      <p style={{ margin: 0, marginBlockStart: token('space.050'), color: token('color.text.subtle') }}>{description}</p>
    </div>
  );
}

type Problem = { readonly kind: 'none' } | { readonly kind: 'error'; readonly error: ResolverError };

export function SettingsForm({ view, choices: loadedChoices, siteUrl, viewer, onSaved, onReload, onDiscard, savedNotice }: Props) {
  const [initial] = useState<Draft>(() => initialDraft(view, loadedChoices));
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<Problem>({ kind: 'none' });
  const [saving, setSaving] = useState(false);
  /** Raised by an import, so editors that keep their own state start again from the imported draft. */
  const [generation, setGeneration] = useState(0);
  const problemRef = useRef<HTMLDivElement>(null);
  const readOnly = !view.canEdit;
  const { settings } = draft;
  const dirty = !sameDraft(draft, initial);
  // Another Severity field has other options: ask again, for that field, only when one is picked that the page's lists are not for.
  const otherField = settings.severityFieldId !== null && settings.severityFieldId !== (loadedChoices.severityField?.id ?? null);
  const reloaded = useLoadedChoices(settings.severityFieldId, otherField);
  const choices = reloaded ?? loadedChoices;

  const setSettings = (patch: Partial<Draft['settings']>): void => setDraft((d) => ({ ...d, settings: { ...d.settings, ...patch } }));
  const e = (path: string): string | undefined => errors[`settings.${path}`];

  async function save(): Promise<void> {
    setSaving(true);
    setProblem({ kind: 'none' });
    const answer = await resolver.settings.save({ settings: draft.settings, policy: draft.policy as SettingsSavePayload['policy'], baseRevision: view.revision });
    setSaving(false);
    if (answer.ok) {
      setErrors({});
      reportSave({ ok: true, view: answer.data, policyChanged: answer.data.policy.version !== view.policy.version });
      onSaved(answer.data);
      return;
    }
    setErrors(answer.error.code === 'VALIDATION' ? (answer.error.fields ?? {}) : {});
    setProblem({ kind: 'error', error: answer.error });
    reportSave({ ok: false, error: answer.error });
    // Bring the message into view and to the screen reader's attention.
    requestAnimationFrame(() => problemRef.current?.focus());
  }

  const error = problem.kind === 'error' ? problem.error : undefined;
  return (
    <SiteChoicesContext.Provider value={choices}>
    <form
      aria-label="Interrupt Budget settings"
      onSubmit={(ev) => {
        ev.preventDefault();
        if (!readOnly && !saving) void save();
      }}
    >
      {readOnly ? (
        <SectionMessage appearance="information" title="You can view these settings">
          <p>Only project administrators (people with the Administer Projects permission on {view.projectKey}) can change them. Ask one of them if something here should change.</p>
        </SectionMessage>
      ) : null}
      {view.isDefault ? <p style={{ color: token('color.text.subtle'), marginBlock: token('space.200') }}>These are the defaults: nobody has saved settings for {view.projectKey} yet.</p> : null}
      {view.problems.length > 0 ? (
        <SectionMessage appearance="warning" title="Some stored settings could not be read">
          <ul>
            {view.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </SectionMessage>
      ) : null}

      {readOnly ? null : (
        <SettingsFile
          view={view}
          dirty={dirty}
          onImport={(imported) => {
            setDraft(imported);
            setErrors({});
            setGeneration((g) => g + 1); // every editor starts again from the imported values
          }}
        />
      )}

      <div key={generation}>
      <Section title="Support allocation" description="The share of each sprint's capacity reserved for support work, reviewed at every retrospective.">
        <BoardPicker value={settings.boardId} readOnly={readOnly} {...(e('boardId') ? { error: e('boardId') as string } : {})} onChange={(boardId) => setSettings({ boardId })} />
        <BudgetModeField value={settings.budgetMode} readOnly={readOnly} onChange={(budgetMode) => setSettings({ budgetMode })} />
        <Row>
          <NumberField
            label="Allocation"
            suffix="%"
            value={settings.allocationPct}
            readOnly={readOnly || settings.budgetMode === 'track'}
            error={e('allocationPct')}
            hint={settings.budgetMode === 'track' ? 'Not reserved while there is no buffer; kept for when you reserve one again.' : 'Typically 20–30 %.'}
            onChange={(allocationPct) => setSettings({ allocationPct })}
          />
          <NumberField label="History sprints" suffix="sprints" value={settings.historySprints} readOnly={readOnly} error={e('historySprints')} hint="Closed sprints the history and the recommendation look at." onChange={(historySprints) => setSettings({ historySprints })} />
        </Row>
        <SprintAllocations allocations={settings.sprintAllocations} viewer={viewer} readOnly={readOnly} onChange={(sprintAllocations) => setSettings({ sprintAllocations })} />
      </Section>

      <Section title="Capacity" description="How the sprint's capacity is measured; the allocation is a share of it.">
        <CapacityFields
          capacity={settings.capacity}
          storyPointsFieldId={settings.storyPointsFieldId}
          readOnly={readOnly}
          errors={errors}
          onChange={(capacity) => setSettings({ capacity })}
          onStoryPointsField={(storyPointsFieldId) => setSettings({ storyPointsFieldId })}
        />
      </Section>

      <Section title="Support tickets" description="Which tickets count as support work, and how they are classified.">
        {choices.notes.length > 0 && !readOnly ? (
          <SectionMessage appearance="information" title="Some of the site's lists are not available here">
            <ul>
              {choices.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </SectionMessage>
        ) : null}
        <Row>
          <NamePicker label="Support issue types" hint={`Tickets of these ${view.projectKey} issue types are support work.`} width={360} names={choices.issueTypes} value={settings.supportFilter.issueTypes} readOnly={readOnly} error={e('supportFilter.issueTypes')} onChange={(issueTypes) => setSettings({ supportFilter: { ...settings.supportFilter, issueTypes } })} />
          <ListField label="Support labels" hint="Tickets with any of these labels are support too, e.g. support" width={320} value={settings.supportFilter.labels} readOnly={readOnly} error={e('supportFilter.labels')} onChange={(labels) => setSettings({ supportFilter: { ...settings.supportFilter, labels } })} />
        </Row>
        <FieldPicker label="Severity field" hint="The custom field that holds a ticket's severity. Leave empty to find a field named Severity." value={settings.severityFieldId} readOnly={readOnly} error={e('severityFieldId')} onChange={(severityFieldId) => setSettings({ severityFieldId })} />
        <SubHeading title="Priorities" description={`What each of ${view.projectKey}'s priorities means to the policy (its rules say P1–P5).`} />
        <ValueMapEditor
          noun="Priority"
          levels={PRIORITY_LEVELS}
          levelLabel={(l) => PRIORITY_WORDS[l]}
          siteValues={choices.priorities}
          map={effectivePriorityMap(settings.priorityMap, choices.priorities.map((p) => p.name))}
          following={priorityOrderNote(settings.priorityMap, choices.priorities.map((p) => p.name))}
          resolve={(name, map) => normalizePriority(name, map)}
          readOnly={readOnly}
          error={e('priorityMap')}
          onChange={(priorityMap) => setSettings({ priorityMap })}
        />
        <SubHeading title="Severities" description={`What each option of ${choices.severityField ? `the ${choices.severityField.name} field` : 'the Severity field'} means to the policy (its rules say S1–S4).`} />
        <ValueMapEditor
          noun="Severity"
          levels={SEVERITY_LEVELS}
          levelLabel={(l) => SEVERITY_WORDS[l]}
          siteValues={choices.severityOptions.map((name) => ({ name }))}
          map={effectiveSeverityMap(settings.severityMap, choices.severityOptions)}
          following={severityOrderNote(settings.severityMap, choices.severityOptions)}
          resolve={(name, map) => normalizeSeverity(name, map)}
          readOnly={readOnly}
          error={e('severityMap')}
          onChange={(severityMap) => setSettings({ severityMap })}
        />
        <Row>
          <NumberField label="SLA at risk below" suffix="hours" value={settings.slaAtRiskHours} readOnly={readOnly} error={e('slaAtRiskHours')} hint="A running SLA with less time left than this counts as at risk." onChange={(slaAtRiskHours) => setSettings({ slaAtRiskHours })} />
          <NamePicker label="Defect issue types" hint="Issue types the dashboard counts as new defects." width={360} names={choices.issueTypes} value={settings.defectTypes} readOnly={readOnly} error={e('defectTypes')} onChange={(defectTypes) => setSettings({ defectTypes })} />
        </Row>
      </Section>

      <Section title="Applying decisions" description="What happens in Jira when the product owner applies a verdict.">
        <Row>
          <TextField label="Label for interrupts" value={settings.labels.interrupt} readOnly={readOnly} error={e('labels.interrupt')} onChange={(interrupt) => setSettings({ labels: { ...settings.labels, interrupt } })} />
          <TextField label="Label for deferred tickets" value={settings.labels.deferred} readOnly={readOnly} error={e('labels.deferred')} onChange={(deferred) => setSettings({ labels: { ...settings.labels, deferred } })} />
        </Row>
        <ToggleField label="Comment on the ticket with the decision and its reasons" checked={settings.commentOnDecision} readOnly={readOnly} onChange={(commentOnDecision) => setSettings({ commentOnDecision })} />
        <ToggleField label="Assign interrupts to the sprint's support contact" checked={settings.assignToSupportContact} readOnly={readOnly} onChange={(assignToSupportContact) => setSettings({ assignToSupportContact })} />
        {/* Issue 12, item 4: the label "needs info" adds (and deciding takes off). */}
        <Row>
          <TextField label="Label for tickets waiting for information" hint="Added when the product owner asks the reporter for more; taken off when the ticket is decided." value={settings.needsInfo.label} readOnly={readOnly} error={e('needsInfo.label')} onChange={(label) => setSettings({ needsInfo: { ...settings.needsInfo, label } })} />
        </Row>
        <ToggleField label="Offer that label checked when asking for information" checked={settings.needsInfo.addLabel} readOnly={readOnly} onChange={(addLabel) => setSettings({ needsInfo: { ...settings.needsInfo, addLabel } })} />
      </Section>

      <Section title="Learning from interrupts" description="What the team records after each interrupt, so the retrospective can see whether causes get fixed.">
        <FollowUpKindsField value={settings.followUpKinds} readOnly={readOnly} error={e('followUpKinds')} onChange={(followUpKinds) => setSettings({ followUpKinds })} />
      </Section>

      <Section title="Support contact and work in progress" description="One person is the support contact each sprint, in turn; the WIP limit caps support tickets in progress at once.">
        <NumberField label="WIP limit" suffix="tickets" value={settings.wipLimit} readOnly={readOnly} error={e('wipLimit')} hint="Support tickets in progress at once (1 is the usual practice)." onChange={(wipLimit) => setSettings({ wipLimit })} />
        <WipStatusPicker value={settings.wipStatusIds} readOnly={readOnly} error={e('wipStatusIds')} onChange={(wipStatusIds) => setSettings({ wipStatusIds })} />
        <RosterEditor roster={settings.rotation.roster} readOnly={readOnly} error={e('rotation.roster')} onChange={(roster) => setSettings({ rotation: { ...settings.rotation, roster: [...roster] } })} />
        <RotationOverrides rotation={settings.rotation} {...(viewer ? { viewer } : {})} readOnly={readOnly} onChange={(overrides) => setSettings({ rotation: { ...settings.rotation, overrides } })} />
      </Section>

      <Section title="Interrupt policy" description={`Rules are tried in order; the first whose conditions all hold decides. In force: version ${view.policy.version}${view.policy.version === 0 ? ' (the built-in default)' : ''}.`}>
        <PolicyEditor policy={draft.policy} readOnly={readOnly} errors={errors} onChange={(policy) => setDraft((d) => ({ ...d, policy }))} />
        <h3 style={{ font: token('font.heading.small'), color: token('color.text'), margin: 0, marginBlockStart: token('space.200') }}>Preview on recent support tickets</h3>
        <PolicyPreview policy={draft.policy} {...(siteUrl ? { siteUrl } : {})} />
      </Section>
      </div>

      {readOnly ? null : (
        <>
          <div ref={problemRef} tabIndex={-1} role={error ? 'alert' : undefined} style={{ outline: 'none', paddingBlockEnd: error ? token('space.200') : 0 }}>
            {error?.code === 'CONFLICT' ? (
              <SectionMessage
                appearance="warning"
                title="Someone else saved these settings while you were editing"
                actions={[<SectionMessageAction key="reload" onClick={onReload}>Reload the latest settings</SectionMessageAction>]}
              >
                <p>{error.message}</p>
                <p>Reloading shows their version; your unsaved changes here will be lost, so note anything you want to keep.</p>
              </SectionMessage>
            ) : error?.code === 'VALIDATION' ? (
              <SectionMessage appearance="error" title="Some values need fixing">
                <p>Nothing was saved. Each value is marked next to its field:</p>
                <ul>
                  {Object.entries(errors).map(([path, message]) => (
                    <li key={path}>
                      {fieldName(path)}: {message}
                    </li>
                  ))}
                </ul>
              </SectionMessage>
            ) : error ? (
              <ErrorMessage error={error} onRetry={() => void save()} />
            ) : null}
          </div>
          <SaveBar dirty={dirty} saving={saving} onDiscard={onDiscard} {...(savedNotice ? { idleNotice: savedNotice } : {})} />
        </>
      )}
    </form>
    </SiteChoicesContext.Provider>
  );
}
