/**
 * What "needs info" does besides recording it (issue 12, item 4): a comment to the reporter — who is
 * mentioned, so Jira notifies them — asking for what the policy could not decide without, drafted
 * by the app and editable here; and the needs-info label. Both optional, both on by the project's
 * defaults. Without them needs-info would be a dead end nobody outside the panel hears about.
 * The choice itself and its checks are in needs-info-choice.ts.
 */
import { Checkbox } from '@atlaskit/checkbox';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import { itemList } from '../../../../src/contract/domain';
import type { PanelView } from '../../../../src/contract/panel';
import { Person, usePeople } from '../../components/person';
import { needsInfoProblem, type NeedsInfoChoice } from './needs-info-choice';
import { subtleText } from './panel-style';

/** The default export is what the form loads lazily (only once needs-info is chosen: the checkboxes stay out of the first paint). */
export default function NeedsInfoOptions({ view, choice, onChange, me, disabled }: { view: PanelView; choice: NeedsInfoChoice; onChange: (next: NeedsInfoChoice) => void; me?: string; disabled: boolean }) {
  const { infoRequest, permissions } = view;
  const problem = needsInfoProblem(choice);
  const reporter = infoRequest.reporterAccountId;
  const people = usePeople();
  return (
    <fieldset data-testid="needs-info-options" style={{ border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <legend style={{ ...subtleText, padding: 0, marginBottom: token('space.050') }}>
        {view.verdict.outcome === 'needs-info' ? 'The policy cannot decide without: ' : 'What to ask for: '}
        <strong>{itemList(infoRequest.missing).toLowerCase()}</strong>.
      </legend>
      {permissions.canComment ? (
        <>
          <Checkbox
            name="ask-reporter"
            isChecked={choice.comment}
            isDisabled={disabled}
            onChange={(event) => onChange({ ...choice, comment: event.target.checked })}
            label={
              reporter && people[reporter] ? (
                <span>
                  Ask the reporter, <Person accountId={reporter} viewer={me} />, in a comment (they are mentioned, so Jira notifies them)
                </span>
              ) : reporter ? (
                'Ask the reporter in a comment (they are mentioned, so Jira notifies them)'
              ) : (
                'Ask for it in a comment (Jira names no reporter to mention)'
              )
            }
          />
          {choice.comment ? (
            <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
              <label htmlFor="ib-info-request" style={{ fontWeight: 600, font: token('font.body.small'), color: token('color.text.subtle') }}>
                The comment (edit it before sending)
              </label>
              <TextArea
                id="ib-info-request"
                name="request"
                value={choice.request}
                isDisabled={disabled}
                isInvalid={problem !== null}
                minimumRows={7}
                maxHeight="16rem"
                resize="vertical"
                aria-describedby="ib-info-request-help"
                onChange={(event) => onChange({ ...choice, request: event.target.value })}
              />
              <span id="ib-info-request-help" style={{ ...subtleText, color: problem ? token('color.text.danger') : token('color.text.subtle') }}>
                {problem ?? 'Lines starting with “- ” become a list.'}
              </span>
            </div>
          ) : null}
        </>
      ) : (
        <p style={subtleText}>You may not comment on this issue, so the reporter cannot be asked from here.</p>
      )}
      <Checkbox
        name="needs-info-label"
        isChecked={choice.label}
        isDisabled={disabled}
        onChange={(event) => onChange({ ...choice, label: event.target.checked })}
        label={`Add the label ${infoRequest.label} (taken off again when the ticket is decided)`}
      />
    </fieldset>
  );
}
