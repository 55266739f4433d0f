/**
 * Illegitimus Non Interruptus: when support has used more than the sprint's budget, the product owner
 * must say how the team absorbs it — swap planned work out, abort and re-plan, or accept the overrun
 * with a reason. Shows the recorded decision once made (and lets it be changed while still over).
 */
import Button from '@atlaskit/button/new';
import { RadioGroup } from '@atlaskit/radio';
import SectionMessage from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import { useId, useState, type FormEvent } from 'react';
import { resolver } from '../../api/resolver';
import { ErrorMessage } from '../../components/status';
import type { DashboardSprint, OverflowChoice, OverflowDecisionView, ResolverError } from '../../../../src/contract';
import { CHOICE_LABEL, inWords, instant } from './format';
import { Person } from './person';

const CHOICES: readonly OverflowChoice[] = ['swap-out', 'abort-sprint', 'accept-overrun'];
const HINTS: Record<OverflowChoice, string> = {
  'swap-out': 'take planned work of the same size out of the sprint',
  'abort-sprint': 'stop this sprint and plan a new one',
  'accept-overrun': 'keep the sprint as it is and say why',
};

export function OverflowBanner({ sprint, viewer, onRecorded }: { sprint: DashboardSprint; viewer?: string; onRecorded: (decision: OverflowDecisionView) => void }) {
  const [editing, setEditing] = useState(false);
  // Not asked of Jira up front (null): the form shows, and a refusal when recording makes the banner read-only.
  const [refused, setRefused] = useState<ResolverError | null>(null);
  const mayRecord = sprint.canRecordOverflow !== false && refused === null;
  // The banner follows the status: an active sprint back within its budget asks nothing and shows nothing;
  // a closed sprint keeps showing what was decided, as part of its record.
  if (sprint.status !== 'over' && (sprint.state === 'active' || !sprint.overflow)) return null;
  const over = inWords(sprint.used.total - sprint.budget, sprint.unit);
  if (sprint.overflow && !editing) {
    const d = sprint.overflow;
    return (
      <div data-testid="overflow-decision">
        <SectionMessage
          appearance={sprint.status === 'over' ? 'warning' : 'information'}
          title={`Overflow decision: ${CHOICE_LABEL[d.choice]}`}
          actions={sprint.status === 'over' && sprint.state === 'active' && mayRecord ? <Button onClick={() => setEditing(true)}>Change the decision</Button> : undefined}
        >
          {d.reason ? <p data-testid="overflow-reason">Reason: <bdi>{d.reason}</bdi></p> : null}
          <p>
            Recorded by <Person accountId={d.decidedBy} viewer={viewer} size="xxsmall" /> on {instant(d.decidedAt)}.
          </p>
        </SectionMessage>
      </div>
    );
  }
  // A closed sprint is history: what was decided shows above; nothing is asked any more.
  if (sprint.status !== 'over' || sprint.state === 'closed') return null;
  return (
    <div data-testid="overflow-banner">
      <SectionMessage appearance="error" title={`${sprint.name} is over its support budget by ${over}`}>
        {mayRecord ? (
          <p>Interrupts have overflowed the allocation. Decide how the team absorbs them, so the overrun does not slide silently.</p>
        ) : (
          <p data-testid="overflow-read-only">
            Interrupts have overflowed the allocation. The product owner (anyone who can schedule issues in this project) records how the team absorbs them; you can see the
            decision here once it is made.
          </p>
        )}
        {refused ? <ErrorMessage error={refused} /> : null}
        {mayRecord ? (
          <OverflowForm
            sprint={sprint}
            onRecorded={(decision) => {
              setEditing(false);
              onRecorded(decision);
            }}
            onRefused={(error) => {
              setEditing(false);
              setRefused(error);
            }}
            onCancel={sprint.overflow ? () => setEditing(false) : undefined}
          />
        ) : null}
      </SectionMessage>
    </div>
  );
}

function OverflowForm({ sprint, onRecorded, onRefused, onCancel }: { sprint: DashboardSprint; onRecorded: (d: OverflowDecisionView) => void; onRefused: (error: ResolverError) => void; onCancel?: () => void }) {
  const [choice, setChoice] = useState<OverflowChoice | null>(sprint.overflow?.choice ?? null);
  const [reason, setReason] = useState(sprint.overflow?.reason ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResolverError | null>(null);
  const [tried, setTried] = useState(false);
  const legendId = useId();
  const reasonId = useId();
  const reasonHelpId = useId();
  const needsReason = choice === 'accept-overrun';
  const reasonMissing = needsReason && reason.trim() === '';
  const serverReasonError = error?.code === 'VALIDATION' ? error.fields?.reason : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!choice || reasonMissing) return;
    setBusy(true);
    setError(null);
    const trimmed = reason.trim();
    const result = await resolver.dashboard.recordOverflow({ sprintId: sprint.id, choice, ...(trimmed ? { reason: trimmed } : {}) });
    setBusy(false);
    if (result.ok) onRecorded(result.data.decision);
    else if (result.error.code === 'FORBIDDEN') onRefused(result.error);
    else setError(result.error);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate style={{ display: 'flex', flexDirection: 'column', gap: token('space.150'), marginTop: token('space.100') }}>
      <div>
        <div id={legendId} style={{ font: token('font.heading.xxsmall'), marginBottom: token('space.050') }}>
          What does the team do?
        </div>
        <RadioGroup
          name={`overflow-${sprint.id}`}
          labelId={legendId}
          value={choice}
          isInvalid={tried && !choice}
          onChange={(e) => setChoice(e.currentTarget.value as OverflowChoice)}
          options={CHOICES.map((c) => ({ name: `overflow-${sprint.id}`, value: c, label: `${CHOICE_LABEL[c]} — ${HINTS[c]}` }))}
        />
        {tried && !choice ? <p style={{ color: token('color.text.danger'), margin: 0 }}>Choose one of the three.</p> : null}
      </div>
      {choice ? (
        <div>
          <label htmlFor={reasonId} style={{ font: token('font.heading.xxsmall') }}>
            Reason{needsReason ? ' (required)' : ' (optional)'}
          </label>
          <TextArea
            id={reasonId}
            name="reason"
            value={reason}
            maxLength={2000}
            minimumRows={2}
            isRequired={needsReason}
            isInvalid={(tried && reasonMissing) || Boolean(serverReasonError)}
            aria-describedby={reasonHelpId}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <p id={reasonHelpId} style={{ margin: 0, font: token('font.body.small'), color: tried && reasonMissing ? token('color.text.danger') : token('color.text.subtle') }}>
            {tried && reasonMissing ? 'Say why the team accepts the overrun: a reason is required.' : (serverReasonError ?? 'Shown to the team on this dashboard and in the retrospective.')}
          </p>
        </div>
      ) : null}
      {error && error.code !== 'VALIDATION' ? <ErrorMessage error={error} /> : null}
      <div style={{ display: 'flex', gap: token('space.100') }}>
        <Button type="submit" appearance="primary" isLoading={busy}>
          Record the decision
        </Button>
        {onCancel ? (
          <Button appearance="subtle" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
