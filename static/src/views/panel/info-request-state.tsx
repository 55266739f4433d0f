/**
 * Where a needs-info request stands (issue 12, item 4), under the decision: what was asked, and —
 * once the ticket has it (the field is set: the issue trigger and this view re-evaluated the
 * policy) — that the information arrived and what the policy now says, so the product owner
 * decides again instead of the ticket waiting on.
 */
import SectionMessage from '@atlaskit/section-message';
import { itemList } from '../../../../src/contract/domain';
import type { PanelView } from '../../../../src/contract/panel';
import { OUTCOME_LABEL } from '../../components/outcome';
import { Person } from '../../components/person';
import { subtleText } from './panel-style';

export function InfoRequestState({ view, me }: { view: PanelView; me?: string }) {
  const { infoRequest, decision, verdict } = view;
  if (!decision || decision.outcome !== 'needs-info') return null;
  const asker = decision.decidedBy === me ? 'you' : null;
  const asked = infoRequest.asked;
  if (asked && infoRequest.answered.length > 0) {
    const set = itemList(infoRequest.answered);
    const verb = infoRequest.answered.length === 1 ? 'was' : 'were';
    return (
      <div data-testid="info-arrived">
        <SectionMessage appearance="success" title="The information arrived">
          <p>
            {set} {verb} set since {asker ?? <Person accountId={decision.decidedBy} viewer={me} />} asked — the policy now says <strong>{OUTCOME_LABEL[verdict.outcome]}</strong>. Decide again below.
          </p>
        </SectionMessage>
      </div>
    );
  }
  return (
    <p style={subtleText} data-testid="info-asked">
      {asked ? `Asked for: ${itemList(asked).toLowerCase()}. The panel says so here when it arrives.` : 'Waiting for more information (what was asked was not recorded by Interrupt Budget).'}
    </p>
  );
}
