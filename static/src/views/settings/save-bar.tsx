/**
 * The settings page's save bar (issue 12, item 10): stuck to the bottom of the page while the long
 * form scrolls under it, so "Save settings" is always one click away and "You have unsaved changes"
 * always in sight. The result of a save is reported as a Jira flag (`reportSave`), the way Jira
 * reports its own saves; what needs fixing stays next to the fields too.
 */
import Button from '@atlaskit/button/new';
import { showFlag } from '@forge/bridge';
import { token } from '@atlaskit/tokens';
import { useEffect } from 'react';
import type { ResolverError, SettingsView } from '../../../../src/contract';

interface Props {
  readonly dirty: boolean;
  readonly saving: boolean;
  readonly onDiscard: () => void;
  /** Shown when nothing is unsaved, e.g. "All changes saved." after a save. */
  readonly idleNotice?: string;
}

/** The bar's height and a little more: what the page keeps clear above it when it scrolls something into view. */
const BAR_CLEARANCE = '88px';

export function SaveBar({ dirty, saving, onDiscard, idleNotice }: Props) {
  // A field focused by keyboard, or a message scrolled to, is never left hidden behind the bar.
  useEffect(() => {
    const root = document.documentElement;
    const before = root.style.scrollPaddingBlockEnd;
    root.style.scrollPaddingBlockEnd = BAR_CLEARANCE;
    return () => {
      root.style.scrollPaddingBlockEnd = before;
    };
  }, []);
  return (
    <div
      data-save-bar=""
      style={{
        position: 'sticky',
        insetBlockEnd: 0,
        zIndex: 1,
        display: 'flex',
        gap: token('space.100'),
        alignItems: 'center',
        flexWrap: 'wrap',
        paddingBlock: token('space.150'),
        paddingInline: token('space.200'),
        marginInline: `calc(-1 * ${token('space.200')})`,
        background: token('elevation.surface.raised'),
        boxShadow: token('elevation.shadow.overflow'),
        borderBlockStart: `${token('border.width')} solid ${token('color.border')}`,
      }}
    >
      <Button type="submit" appearance="primary" isLoading={saving} isDisabled={!dirty}>
        Save settings
      </Button>
      <Button isDisabled={!dirty || saving} onClick={onDiscard}>
        Discard changes
      </Button>
      <span role="status" aria-live="polite" style={{ color: token('color.text.subtle') }}>
        {dirty ? 'You have unsaved changes.' : (idleNotice ?? '')}
      </span>
    </div>
  );
}

let flagCount = 0;

/** The outcome of a save as a Jira flag: saved (with what changed), or why not and what to do. */
export function reportSave(result: { readonly ok: true; readonly view: SettingsView; readonly policyChanged: boolean } | { readonly ok: false; readonly error: ResolverError }): void {
  flagCount += 1;
  const id = `settings-save-${flagCount}`;
  if (result.ok) {
    const { view } = result;
    showFlag({
      id,
      type: 'success',
      title: 'Settings saved',
      description: result.policyChanged
        ? `The policy is now version ${view.policy.version}; new verdicts use it.`
        : `The changes apply to ${view.projectKey} from now on.`,
      isAutoDismiss: true,
    });
    return;
  }
  const { error } = result;
  showFlag({
    id,
    type: error.code === 'CONFLICT' ? 'warning' : 'error',
    title:
      error.code === 'VALIDATION' ? 'Settings not saved: some values need fixing' : error.code === 'CONFLICT' ? 'Settings not saved: someone else saved first' : 'Settings not saved',
    description: error.code === 'VALIDATION' ? 'Each value to fix is marked next to its field.' : error.message,
    isAutoDismiss: true,
  });
}
