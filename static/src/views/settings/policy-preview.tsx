/**
 * Live preview of the draft policy on the project's recent support tickets (`settings.previewPolicy`,
 * debounced): what the policy in force decides, what the draft would decide, changed verdicts
 * highlighted (colour and a "Changed" lozenge) and counted.
 */
import { Checkbox } from '@atlaskit/checkbox';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { useEffect, useState } from 'react';
import { resolver } from '../../api/resolver';
import type { PolicyPreview as Preview, PreviewPolicyPayload, PreviewVerdict, ResolverError } from '../../../../src/contract';
import type { Policy } from '../../../../src/contract/domain';
import { OutcomeLozenge } from '../../components/outcome';
import { fieldName } from './draft';
import { Hidden } from './fields';

export const PREVIEW_DELAY_MS = 500;

type State = { readonly state: 'waiting' } | { readonly state: 'ready'; readonly preview: Preview } | { readonly state: 'error'; readonly error: ResolverError };


function Verdict({ verdict }: { verdict: PreviewVerdict }) {
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', gap: token('space.025') }}>
      <span>
        <OutcomeLozenge outcome={verdict.outcome} bold={false} />
      </span>
      <span style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>{verdict.ruleName ? `rule ${verdict.ruleName}` : 'default outcome'}</span>
    </span>
  );
}

function validationSentence(error: ResolverError): string {
  const [path, message] = Object.entries(error.fields ?? {})[0] ?? [];
  return path && message ? `${fieldName(path)}: ${message}.` : error.message;
}

const cell = { padding: `${token('space.075')} ${token('space.100')}`, textAlign: 'start' as const, verticalAlign: 'top' as const, borderBlockEnd: `${token('border.width')} solid ${token('color.border')}` };

export function PolicyPreview({ policy, siteUrl }: { policy: Policy; siteUrl?: string }) {
  const [result, setResult] = useState<State>({ state: 'waiting' });
  const [onlyChanged, setOnlyChanged] = useState(false);
  const key = JSON.stringify(policy);
  useEffect(() => {
    let live = true;
    setResult((r) => (r.state === 'error' ? { state: 'waiting' } : r));
    const timer = setTimeout(() => {
      void resolver.settings.previewPolicy({ policy: JSON.parse(key) as PreviewPolicyPayload['policy'] }).then((answer) => {
        if (!live) return;
        setResult(answer.ok ? { state: 'ready', preview: answer.data } : { state: 'error', error: answer.error });
      });
    }, PREVIEW_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);

  if (result.state === 'waiting') {
    return (
      <div role="status" style={{ display: 'flex', gap: token('space.100'), alignItems: 'center' }}>
        <Spinner size="small" label="Working out the preview" />
        <span>Trying the policy on recent support tickets…</span>
      </div>
    );
  }
  if (result.state === 'error') {
    return (
      <SectionMessage appearance={result.error.code === 'VALIDATION' ? 'information' : 'warning'} title={result.error.code === 'VALIDATION' ? 'The preview waits for a complete policy' : 'The preview is not available'}>
        <p>{result.error.code === 'VALIDATION' ? validationSentence(result.error) : result.error.message}</p>
      </SectionMessage>
    );
  }
  const { preview } = result;
  const rows = onlyChanged ? preview.rows.filter((r) => r.changed) : preview.rows;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
      <p role="status" aria-live="polite" data-testid="preview-summary" style={{ margin: 0, font: token('font.body.large'), color: token('color.text') }}>
        {preview.rows.length === 0
          ? 'No recent support tickets to try the policy on.'
          : preview.changedCount === 0
            ? `No verdict changes on the ${preview.rows.length} most recent support tickets.`
            : `${preview.changedCount} of ${preview.rows.length} recent support tickets would get a different verdict.`}
      </p>
      {preview.notes.map((note) => (
        <SectionMessage key={note} appearance="information">
          <p>{note}</p>
        </SectionMessage>
      ))}
      {preview.rows.length === 0 ? null : (
        <>
          <p style={{ margin: 0, font: token('font.body.small'), color: token('color.text.subtle') }}>Newest first. “Now” is what policy version {preview.currentVersion} (in force) decides today.</p>
          <Checkbox label="Show only tickets whose verdict changes" isChecked={onlyChanged} onChange={(e) => setOnlyChanged(e.currentTarget.checked)} />
          <div style={{ maxHeight: 480, overflow: 'auto', border: `${token('border.width')} solid ${token('color.border')}`, borderRadius: token('radius.medium') }} tabIndex={0} aria-label="Preview table, scrollable">
            <table style={{ width: '100%', borderCollapse: 'collapse' }}>
              <caption>
                <Hidden>Verdicts on recent support tickets, newest first (policy in force: version {preview.currentVersion}).</Hidden>
              </caption>
              <thead>
                <tr style={{ background: token('elevation.surface.sunken') }}>
                  <th scope="col" style={cell}>Ticket</th>
                  <th scope="col" style={cell}>Now</th>
                  <th scope="col" style={cell}>With this draft</th>
                  <th scope="col" style={cell}>Why (draft)</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.key} data-changed={row.changed ? 'true' : 'false'} style={row.changed ? { background: token('color.background.warning') } : undefined}>
                    <td style={cell}>
                      <div style={{ display: 'flex', gap: token('space.075'), alignItems: 'center', flexWrap: 'wrap' }}>
                        {siteUrl ? (
                          <a href={`${siteUrl}/browse/${row.key}`} target="_blank" rel="noreferrer">
                            {row.key}
                          </a>
                        ) : (
                          <strong>{row.key}</strong>
                        )}
                        {row.changed ? <Lozenge appearance="inprogress" isBold>Changed</Lozenge> : null}
                      </div>
                      {row.summary ? <div style={{ color: token('color.text.subtle'), font: token('font.body.small') }}><bdi>{row.summary}</bdi></div> : null}
                    </td>
                    <td style={cell}>
                      <Verdict verdict={row.current} />
                    </td>
                    <td style={cell}>
                      <Verdict verdict={row.draft} />
                    </td>
                    <td style={{ ...cell, font: token('font.body.small'), color: token('color.text.subtle') }}>{row.reasons.join(' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
