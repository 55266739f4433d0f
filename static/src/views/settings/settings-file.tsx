/**
 * "Export settings" and "Import settings" (issue 16, item 3), for admins. Export downloads what is
 * saved — the settings and the policy in force — as the contract's settings file, which
 * `interrupt-budget classify --settings` also reads. Import reads such a file into the form and saves
 * nothing: the admin reviews it and saves as usual (the server validates, versions and keeps history).
 *
 * Per-sprint support contacts name sprints of the project they were set in, so a file from another
 * project comes in without them, and the message says so.
 */
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useRef, useState } from 'react';
import { readSettingsExport, settingsExport, settingsExportFileName, type SettingsView } from '../../../../src/contract';
import { downloadText } from '../../components/download';
import type { Draft } from './draft';

type Message = { readonly kind: 'imported'; readonly lines: readonly string[] } | { readonly kind: 'refused'; readonly name: string; readonly errors: readonly string[] };

interface Props {
  readonly view: SettingsView;
  /** Unsaved changes in the form: the export holds the saved settings, and says so. */
  readonly dirty: boolean;
  readonly onImport: (draft: Draft) => void;
}

/** The sentences for a file that was read into the form. */
function importedLines(view: SettingsView, from: { projectKey: string; settingsRevision: number; policyVersion: number }, droppedOverrides: number): string[] {
  const whose = from.projectKey === view.projectKey ? `${from.projectKey}'s own settings` : `${from.projectKey}'s settings`;
  return [
    `${whose} (revision ${from.settingsRevision}, policy version ${from.policyVersion}) are in the form. Review them, then save: nothing is saved until you do.`,
    ...(droppedOverrides > 0 ? [`${droppedOverrides === 1 ? 'One per-sprint support contact was' : `${droppedOverrides} per-sprint support contacts were`} left out: ${droppedOverrides === 1 ? 'it names a sprint' : 'they name sprints'} of ${from.projectKey}.`] : []),
  ];
}

export function SettingsFile({ view, dirty, onImport }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<Message | null>(null);

  function exportSaved(): void {
    const from = { projectKey: view.projectKey, settingsRevision: view.revision, policyVersion: view.policy.version };
    downloadText(settingsExportFileName(from), [`${JSON.stringify(settingsExport(from, view.settings, view.policy.policy, new Date().toISOString()), null, 2)}\n`], 'application/json;charset=utf-8');
  }

  async function importFile(file: File): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      setMessage({ kind: 'refused', name: file.name, errors: ['It is not JSON: choose a file that Export settings downloaded.'] });
      return;
    }
    const read = readSettingsExport(parsed);
    if (!read.ok) {
      setMessage({ kind: 'refused', name: file.name, errors: read.errors });
      return;
    }
    const { settings, policy, from } = read.file;
    const sameProject = from.projectKey === view.projectKey;
    const dropped = sameProject ? 0 : Object.keys(settings.rotation.overrides).length;
    // Per-sprint choices (support stand-ins, adopted allocations) name the other project's sprints, and its
    // chosen board is the other project's: they stay behind (this project keeps its own board choice).
    onImport({ settings: sameProject ? settings : { ...settings, rotation: { ...settings.rotation, overrides: {} }, sprintAllocations: {}, boardId: view.settings.boardId ?? null }, policy });
    setMessage({ kind: 'imported', lines: importedLines(view, from, dropped) });
  }

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100'), marginBlock: token('space.200') }}>
      <div style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
        <Button onClick={exportSaved}>Export settings</Button>
        <Button onClick={() => input.current?.click()}>Import settings</Button>
        <input
          ref={input}
          type="file"
          accept="application/json,.json"
          aria-label="Settings file to import"
          style={{ display: 'none' }}
          onChange={(ev) => {
            const file = ev.target.files?.[0];
            ev.target.value = ''; // the same file can be chosen again
            if (file) void importFile(file);
          }}
        />
        <span style={{ color: token('color.text.subtle') }}>
          {dirty ? 'The export holds the saved settings, not the changes in the form.' : `A file of the settings and policy in force, to copy them to another project or to run interrupt-budget classify --settings.`}
        </span>
      </div>
      {message?.kind === 'imported' ? (
        <SectionMessage appearance="information" title="Settings imported into the form">
          {message.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </SectionMessage>
      ) : null}
      {message?.kind === 'refused' ? (
        <SectionMessage appearance="warning" title={`${message.name} was not imported`}>
          <ul>
            {message.errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </SectionMessage>
      ) : null}
    </div>
  );
}
