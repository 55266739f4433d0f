/** What applying the chosen outcome will do: target sprint, budget after this ticket, WIP, support contact, steps. */
import { type ThemeAppearance } from '@atlaskit/lozenge';
import type { ReactNode } from 'react';
import type { OutcomePreview, PanelView, PlannedStep } from '../../../../src/contract/panel';
import { BudgetFacts } from './budget-facts';
import { Person } from '../../components/person';
import { PLANNED_ACTION_LABEL } from './format';
import { StepList } from './step-list';
import { factsStyle, sectionStyle, termStyle, valueStyle, headingStyle } from './panel-style';
import type { BudgetUpdate } from './use-budget-update';
import { WipNotice } from './wip-notice';

const ACTION_LOOK: Record<PlannedStep['action'], ThemeAppearance> = { do: 'inprogress', skip: 'default', blocked: 'removed' };

export interface ApplyPreviewProps {
  readonly view: PanelView;
  readonly preview: OutcomePreview;
  readonly budgetUpdate: BudgetUpdate;
  readonly me?: string;
  readonly locale?: string;
  readonly timeZone?: string;
  /** A link to the dashboard's list of support tickets in progress, for the WIP notice. */
  readonly wipListLink?: ReactNode;
}

export function ApplyPreview({ view, preview, budgetUpdate, me, locale, timeZone, wipListLink = 'see the project page' }: ApplyPreviewProps) {
  const interrupting = preview.outcome === 'interrupt';
  const contact = view.supportContact;
  return (
    <section aria-labelledby="ib-preview-heading" style={sectionStyle}>
      <h4 id="ib-preview-heading" style={headingStyle}>
        What applying will do
      </h4>
      <dl style={factsStyle}>
        {interrupting ? (
          <>
            <dt style={termStyle}>Sprint</dt>
            <dd style={valueStyle}>{preview.targetSprint ? preview.targetSprint.name : 'No active sprint to move it into'}</dd>
            <BudgetFacts view={view} update={budgetUpdate} locale={locale} timeZone={timeZone} />
          </>
        ) : null}
        {preview.outcome === 'backlog' ? (
          <>
            <dt style={termStyle}>Sprint</dt>
            <dd style={valueStyle}>{preview.moveToBacklog ? 'Moves out of its sprint to the backlog' : 'Stays in the backlog'}</dd>
          </>
        ) : null}
        {interrupting || preview.assignTo ? (
          <>
            <dt style={termStyle}>Support contact</dt>
            <dd style={valueStyle} data-testid="panel-support-contact">
              {contact ? (
                <>
                  <Person accountId={contact.accountId} viewer={me} size="xxsmall" />
                  {contact.source === 'override' ? ' (this sprint’s stand-in)' : ''}
                </>
              ) : (
                'None set for this sprint'
              )}
              {preview.assignTo ? ' — the ticket will be assigned to them' : ''}
            </dd>
          </>
        ) : null}
      </dl>
      {interrupting && view.wip?.wouldExceed ? <WipNotice wip={view.wip} listLink={wipListLink} /> : null}
      <StepList
        label="Planned steps"
        lines={preview.steps.map((step) => ({ step: step.step, look: ACTION_LOOK[step.action], status: PLANNED_ACTION_LABEL[step.action], message: step.message }))}
      />
    </section>
  );
}
