/** Loading and error states shared by every view: accessible, in Jira's own components. */
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import type { ResolverError } from '../../../src/contract';

export function Loading({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" style={{ display: 'flex', alignItems: 'center', gap: 8, padding: 8 }}>
      <Spinner size="medium" label={label} />
      <span>{label}</span>
    </div>
  );
}

const TITLES: Record<ResolverError['code'], string> = {
  VALIDATION: 'Check the values',
  FORBIDDEN: 'You do not have permission',
  NOT_FOUND: 'Not available',
  CONFLICT: 'Someone else changed this',
  RATE_LIMITED: 'Jira is busy',
  UNAVAILABLE: 'Jira is not responding',
  INTERNAL: 'Something went wrong',
};

export function ErrorMessage({ error, onRetry }: { error: ResolverError; onRetry?: () => void }) {
  return (
    <SectionMessage appearance={error.code === 'VALIDATION' || error.code === 'CONFLICT' ? 'warning' : 'error'} title={TITLES[error.code]}>
      <p>{error.message}</p>
      {onRetry && error.code !== 'FORBIDDEN' && error.code !== 'NOT_FOUND' ? <Button onClick={onRetry}>Try again</Button> : null}
    </SectionMessage>
  );
}
