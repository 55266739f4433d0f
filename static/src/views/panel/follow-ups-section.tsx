/**
 * Follow-ups of a resolved interrupt (issue 14, item 2), under the applied decision: the checklist
 * the team uses (root cause analysed, regression test added, corrective action), each with an
 * optional link or issue key, saved together on top of the revision shown; and, for the corrective
 * action, one click to create it in the backlog. Someone who may not edit the issue sees the state
 * read-only with the reason. The server checks everything again (app/follow-ups/).
 */
import Button from '@atlaskit/button/new';
import { Checkbox } from '@atlaskit/checkbox';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { resolver } from '../../api/resolver';
import { Person } from '../../components/person';
import { ErrorMessage } from '../../components/status';
import { FOLLOW_UP_LABELS, type FollowUpItem, type FollowUpKind, type FollowUps, type FollowUpsSaved, type PanelFollowUps, type ResolverError } from '../../../../src/contract';
import { IssueLink } from '../../components/issue-link';
import { formatInstant, formatWhen } from './format';
import { cardStyle, headingStyle, listStyle, rowStyle, subtleText } from './panel-style';

export interface FollowUpsSectionProps {
  readonly followUps: PanelFollowUps;
  readonly issueKey: string;
  readonly siteUrl: string;
  readonly me?: string;
  readonly locale?: string;
  readonly timeZone?: string;
  /** A save or a create answered: the panel shows the stored checklist and flags the message. */
  readonly onSaved: (saved: FollowUpsSaved, kind: 'saved' | 'created') => void;
  /** Someone else saved first: the panel reloads (and flags the sentence). */
  readonly onConflict: (error: ResolverError) => void;
}

/** What a follow-up's text field holds: a link, or (corrective action) an issue key. */
const textOf = (kind: FollowUpKind, item: FollowUpItem | undefined): string => (kind === 'corrective-action' ? item?.issueKey : item?.link) ?? '';

interface DraftItem {
  readonly done: boolean;
  readonly text: string;
}
type Draft = Partial<Record<FollowUpKind, DraftItem>>;

function draftOf(view: PanelFollowUps): Draft {
  return Object.fromEntries(view.kinds.map((k) => [k, { done: view.items[k]?.done === true, text: textOf(k, view.items[k]) }]));
}

/** The payload's items: a blank text is no link/key (the server validates the rest). */
function itemsOf(view: PanelFollowUps, draft: Draft): FollowUps {
  return Object.fromEntries(
    view.kinds.map((k) => {
      const d = draft[k] ?? { done: false, text: '' };
      const text = d.text.trim();
      const extra = text === '' ? {} : k === 'corrective-action' ? { issueKey: text } : { link: text };
      return [k, { done: d.done, ...extra }];
    }),
  );
}

const sameDraft = (a: Draft, b: Draft): boolean => JSON.stringify(a) === JSON.stringify(b);

export default function FollowUpsSection({ followUps, issueKey, siteUrl, me, locale, timeZone, onSaved, onConflict }: FollowUpsSectionProps) {
  const stored = draftOf(followUps);
  const [draft, setDraft] = useState<Draft>(stored);
  const [busy, setBusy] = useState<'saving' | 'creating' | null>(null);
  const [error, setError] = useState<ResolverError | null>(null);
  const changed = !sameDraft(draft, stored);
  const storedAction = followUps.items['corrective-action']?.issueKey;

  function set(kind: FollowUpKind, change: Partial<DraftItem>): void {
    setDraft((d) => ({ ...d, [kind]: { ...(d[kind] ?? { done: false, text: '' }), ...change } }));
    setError(null);
  }

  async function answered(call: Promise<Awaited<ReturnType<typeof resolver.panel.setFollowUps>>>, kind: 'saved' | 'created'): Promise<void> {
    setError(null);
    const answer = await call;
    setBusy(null);
    if (answer.ok) return onSaved(answer.data, kind);
    if (answer.error.code === 'CONFLICT') return onConflict(answer.error);
    setError(answer.error);
  }

  const save = () => {
    setBusy('saving');
    void answered(resolver.panel.setFollowUps({ items: itemsOf(followUps, draft), baseRevision: followUps.revision }), 'saved');
  };
  const create = () => {
    setBusy('creating');
    void answered(resolver.panel.createCorrectiveAction({ baseRevision: followUps.revision }), 'created');
  };

  const fieldError = (kind: FollowUpKind): string | undefined => {
    const path = `items.${kind}.${kind === 'corrective-action' ? 'issueKey' : 'link'}`;
    return error?.fields?.[path];
  };

  return (
    <section aria-labelledby="ib-follow-ups-heading" style={cardStyle} data-testid="follow-ups">
      <h3 id="ib-follow-ups-heading" style={headingStyle}>
        Follow-ups
      </h3>
      <p style={subtleText}>What the team does so that this does not interrupt it again. The retrospective counts them.</p>
      {followUps.canEdit ? (
        <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
          {followUps.kinds.map((kind) => {
            const item = draft[kind] ?? { done: false, text: '' };
            const problem = fieldError(kind);
            const action = kind === 'corrective-action';
            return (
              <div key={kind} style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }} data-follow-up={kind}>
                <Checkbox label={FOLLOW_UP_LABELS[kind]} isChecked={item.done} isDisabled={busy !== null} onChange={(ev) => set(kind, { done: ev.currentTarget.checked })} />
                <div style={{ paddingInlineStart: token('space.300'), display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
                  <Textfield
                    aria-label={action ? 'Corrective action: issue key' : `${FOLLOW_UP_LABELS[kind]}: link`}
                    placeholder={action ? 'Issue key, such as SUP-123' : 'Link (optional), https://…'}
                    value={item.text}
                    isCompact
                    isDisabled={busy !== null}
                    isInvalid={problem !== undefined}
                    onChange={(ev) => set(kind, { text: ev.currentTarget.value })}
                  />
                  {problem ? (
                    <p role="alert" style={{ margin: 0, color: token('color.text.danger') }}>
                      {problem}
                    </p>
                  ) : null}
                  {action && !storedAction && item.text.trim() === '' ? (
                    <div style={rowStyle}>
                      <Button appearance="subtle" onClick={create} isLoading={busy === 'creating'} isDisabled={busy !== null || changed} testId="create-corrective-action">
                        Create in backlog
                      </Button>
                      {changed ? <span style={subtleText}>Save your changes first.</span> : <span style={subtleText}>A Task in the backlog, linked to {issueKey}.</span>}
                    </div>
                  ) : null}
                </div>
              </div>
            );
          })}
          {error && !Object.keys(error.fields ?? {}).some((f) => f.startsWith('items.')) ? <ErrorMessage error={error} /> : null}
          <div style={rowStyle}>
            <Button appearance="primary" onClick={save} isLoading={busy === 'saving'} isDisabled={!changed || busy !== null} testId="save-follow-ups">
              Save follow-ups
            </Button>
            {changed ? (
              <Button appearance="subtle" onClick={() => setDraft(stored)} isDisabled={busy !== null}>
                Discard
              </Button>
            ) : null}
          </div>
        </div>
      ) : (
        <>
          <ul style={listStyle} data-testid="follow-ups-read-only">
            {followUps.kinds.map((kind) => {
              const item = followUps.items[kind];
              return (
                <li key={kind}>
                  {FOLLOW_UP_LABELS[kind]}: <strong>{item?.done ? 'done' : 'not yet'}</strong>
                  {item?.issueKey ? (
                    <>
                      {' '}
                      (<IssueLink siteUrl={siteUrl} issueKey={item.issueKey} />)
                    </>
                  ) : null}
                  {item?.link ? (
                    <>
                      {' '}
                      (<a href={item.link} target="_blank" rel="noopener noreferrer">link</a>)
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {followUps.reason ? <p style={subtleText}>{followUps.reason}</p> : null}
        </>
      )}
      {followUps.canEdit && storedAction ? (
        <p style={{ margin: 0 }} data-testid="corrective-action">
          Corrective action: <IssueLink siteUrl={siteUrl} issueKey={storedAction} />
        </p>
      ) : null}
      {followUps.updatedBy && followUps.updatedAt !== null ? (
        <p style={subtleText} data-testid="follow-ups-saved" title={formatInstant(new Date(followUps.updatedAt).toISOString(), locale, timeZone)}>
          Last saved by <Person accountId={followUps.updatedBy} viewer={me} size="xxsmall" /> {formatWhen(new Date(followUps.updatedAt).toISOString(), Date.now(), locale, timeZone)}.
        </p>
      ) : (
        <p style={subtleText}>Nothing recorded yet.</p>
      )}
    </section>
  );
}
