/**
 * The gadget's edit mode: which project it shows. Only projects with a Scrum board the viewer may
 * browse are offered (the resolver asks Jira as them), and the choice is saved in the gadget's own
 * configuration with `view.submit`, after which Jira shows the gadget with it. Someone with no such
 * project is told so instead of being offered an empty list.
 */
import Button from '@atlaskit/button/new';
import { RadioGroup } from '@atlaskit/radio';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { view } from '@forge/bridge';
import { useState, type CSSProperties, type FormEvent } from 'react';
import { resolver } from '../../api/resolver';
import { ErrorMessage, Loading } from '../../components/status';
import { useEnvelope } from '../../components/use-envelope';
import type { GadgetConfiguration, GadgetProject } from '../../../../src/contract/gadget';

interface Option {
  readonly label: string;
  readonly value: string;
  readonly name: string;
}

const optionOf = (p: GadgetProject): Option => ({ label: `${p.name} (${p.key})`, value: p.key, name: 'gadget-project' });

export default function GadgetEdit({ current }: { current: string | undefined }) {
  const loaded = useEnvelope(resolver.gadget.projects);
  const [chosen, setChosen] = useState<string | undefined>(current);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  if (loaded.state === 'loading') return <Loading label="Loading your projects…" />;
  if (loaded.state === 'error') return <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  const { projects } = loaded.data;
  if (projects.length === 0) {
    return (
      <main style={PAGE} aria-label="Interrupt Budget gadget settings">
        <SectionMessage appearance="information" title="No project to show">
          <p>You cannot see any project with a Scrum board. Ask a Jira admin for access to your team’s project, then edit this gadget again.</p>
        </SectionMessage>
      </main>
    );
  }
  const options = projects.map(optionOf);
  const selected = options.find((o) => o.value === chosen) ?? null;
  // A saved project the viewer can no longer see is not offered again, and said so.
  const lost = current !== undefined && !projects.some((p) => p.key === current);

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (!selected) return;
    setSaving(true);
    setFailed(null);
    try {
      const configuration: GadgetConfiguration = { projectKey: selected.value };
      await view.submit(configuration);
    } catch {
      setFailed('Jira did not save the gadget. Try again; if it keeps failing, reload the dashboard.');
      setSaving(false);
    }
  }

  return (
    <main style={PAGE} aria-label="Interrupt Budget gadget settings">
      <form onSubmit={(e) => void save(e)} style={FORM}>
        <div>
          <fieldset style={FIELDSET}>
            <legend style={LABEL}>Project</legend>
            <RadioGroup name="gadget-project" options={options} value={chosen ?? null} onChange={(e) => setChosen(e.currentTarget.value)} />
          </fieldset>
          <p style={HINT}>The gadget shows this project’s current sprint: its support budget, status, forecast and who is on support.</p>
          {lost ? <p style={{ ...HINT, color: token('color.text.warning') }}>You can no longer see {current}, the project this gadget showed. Choose another.</p> : null}
        </div>
        {failed ? (
          <p role="alert" style={{ margin: 0, color: token('color.text.danger') }}>
            {failed}
          </p>
        ) : null}
        <div>
          <Button type="submit" appearance="primary" isDisabled={!selected} isLoading={saving}>
            Save
          </Button>
        </div>
      </form>
    </main>
  );
}

const PAGE: CSSProperties = { padding: token('space.100'), color: token('color.text'), font: token('font.body') };
const FORM: CSSProperties = { display: 'flex', flexDirection: 'column', gap: token('space.200'), maxWidth: 480 };
const FIELDSET: CSSProperties = { border: 'none', margin: 0, padding: 0 };
const LABEL: CSSProperties = { display: 'block', marginBottom: token('space.050'), color: token('color.text.subtle'), font: token('font.body.small'), fontWeight: token('font.weight.semibold') };
const HINT: CSSProperties = { margin: `${token('space.050')} 0 0`, color: token('color.text.subtle'), font: token('font.body.small') };
