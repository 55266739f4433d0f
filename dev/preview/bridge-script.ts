/**
 * The stand-in for Forge's Custom UI bridge, served as a plain script that runs before the app's
 * bundle (so `@forge/bridge` finds `window.__bridge` when it loads). `getContext` answers with the
 * context the server built for this page; `invoke` posts to the preview server, which runs the real
 * resolver handler. The chosen user travels as a header the server maps to a login: the page never
 * sends an account id.
 *
 * It also plays the host's part where the app relies on it:
 * - `enableTheming` (`view.theme.enable()`) does what Jira does: it puts Jira's theme on the page — the
 *   token stylesheets as `<style data-theme>` elements and the `data-theme` / `data-color-mode`
 *   attributes on `<html>` — and from then on follows theme changes (`__preview.setTheme('dark')`
 *   stands in for the user switching Jira's theme). Until the app asks, the page gets no theme.
 * - `refresh` (`view.refresh()`) is recorded in `__preview.refreshCalls`; it answers `false` (the
 *   bridge then throws "this resource's view is not refreshable.") when the page was opened with
 *   `&refresh=refuse` or `__preview.refuseRefresh` is set.
 * - `showFlag` / `closeFlag` (`showFlag()` from `@forge/bridge`) draw the flag as Jira does, in a stack at
 *   the bottom left of the page (`[data-preview-flag]`, role `alert`, with its title, description and
 *   type), and record it in `__preview.flags`; a flag closes on its close button, on `closeFlag`, or
 *   after 8 s unless `isAutoDismiss` is false. Jira draws flags outside the app's frame; here they
 *   share the page, so browser tests can read them and screenshots show them.
 * - `submit` (`view.submit()`, a dashboard gadget's edit mode saving its configuration) is recorded in
 *   `__preview.submitted`; then, as Jira reopens the gadget in its view mode with the saved
 *   configuration, the page goes to `/gadget/<projectKey>` (same user and theme). Answers `false` (not
 *   submittable) on any page but the gadget's edit mode, as Jira does.
 * Every call is recorded in `__preview.calls` and announced as a `preview:bridge` event on `window`.
 */
export type ColorMode = 'light' | 'dark';

export interface BridgeOptions {
  /** Jira's theme when the page opens. */
  readonly colorMode: ColorMode;
  /** Answer `view.refresh()` as a host whose view is not refreshable. */
  readonly refuseRefresh: boolean;
}

/** The themes Jira puts on an app's page besides the colour theme (what `data-theme` names). */
export const NON_COLOUR_THEMES = ['motion', 'shape', 'spacing', 'typography'] as const;

export function bridgeScript(context: Record<string, unknown>, user: string, options: BridgeOptions): string {
  return `(() => {
  const context = ${JSON.stringify(context)};
  const user = ${JSON.stringify(user)};
  const themeAttribute = 'dark:dark light:light ${NON_COLOUR_THEMES.map((t) => `${t}:${t}`).join(' ')}';
  const preview = {
    colorMode: ${JSON.stringify(options.colorMode)},
    themingEnabled: false,
    refuseRefresh: ${JSON.stringify(options.refuseRefresh)},
    refreshCalls: [],
    calls: [],
    flags: [],
    submitted: [],
    /** The user switches Jira's theme: an app that enabled theming follows. */
    setTheme: (mode) => {
      preview.colorMode = mode === 'dark' ? 'dark' : 'light';
      return preview.themingEnabled ? applyTheme() : Promise.resolve();
    },
  };
  window.__preview = preview;

  const loaded = new Map();
  function themeStyle(id) {
    if (!loaded.has(id)) {
      loaded.set(id, fetch('/__preview/theme/' + id + '.css').then((r) => {
        if (!r.ok) throw new Error('The preview has no theme ' + id);
        return r.text();
      }).then((css) => {
        const style = document.createElement('style');
        style.setAttribute('data-theme', id);
        style.textContent = css;
        document.head.appendChild(style);
      }));
    }
    return loaded.get(id);
  }
  async function applyTheme() {
    const mode = preview.colorMode;
    await Promise.all([mode, ${NON_COLOUR_THEMES.map((t) => JSON.stringify(t)).join(', ')}].map(themeStyle));
    if (mode !== preview.colorMode) return; // switched again meanwhile: that call applies
    document.documentElement.setAttribute('data-theme', themeAttribute);
    document.documentElement.setAttribute('data-color-mode', mode);
  }

  function flagStack() {
    let stack = document.getElementById('preview-flags');
    if (!stack) {
      stack = document.createElement('div');
      stack.id = 'preview-flags';
      stack.style.cssText = 'position:fixed;left:16px;bottom:16px;z-index:1000;display:flex;flex-direction:column;gap:8px;max-width:360px;font:14px/20px system-ui,sans-serif';
      document.body.appendChild(stack);
    }
    return stack;
  }
  const FLAG_COLOURS = { success: '#22A06B', info: '#1D7AFC', warning: '#E2B203', error: '#C9372C' };
  function closeFlag(id) {
    document.querySelectorAll('[data-preview-flag]').forEach((el) => { if (el.dataset.previewFlag === String(id)) el.remove(); });
  }
  function showFlag(options) {
    closeFlag(options.id);
    preview.flags.push({ id: options.id, type: options.type, title: options.title, description: options.description });
    const flag = document.createElement('div');
    flag.dataset.previewFlag = String(options.id);
    flag.dataset.type = options.type || 'info';
    flag.setAttribute('role', 'alert');
    flag.style.cssText = 'background:var(--ds-surface-overlay,#fff);color:var(--ds-text,#172B4D);box-shadow:var(--ds-shadow-overlay,0 8px 12px #091e4226);border-radius:4px;padding:12px 40px 12px 16px;position:relative;border-left:4px solid ' + (FLAG_COLOURS[options.type] || FLAG_COLOURS.info);
    const title = document.createElement('strong');
    title.textContent = options.title || '';
    flag.appendChild(title);
    if (options.description) {
      const body = document.createElement('div');
      body.textContent = options.description;
      flag.appendChild(body);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = '×';
    close.setAttribute('aria-label', 'Dismiss');
    close.style.cssText = 'position:absolute;right:8px;top:8px;border:0;background:none;color:inherit;font-size:18px;cursor:pointer';
    close.addEventListener('click', () => flag.remove());
    flag.appendChild(close);
    flagStack().appendChild(flag);
    if (options.isAutoDismiss !== false) setTimeout(() => flag.remove(), 8000);
  }

  async function handle(command, payload) {
    switch (command) {
      case 'getContext':
        return context;
      case 'invoke': {
        const response = await fetch('/__forge/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Preview-User': user },
          body: JSON.stringify({ functionKey: payload.functionKey, payload: payload.payload ?? {}, extension: context.extension, moduleKey: context.moduleKey }),
        });
        if (!response.ok) throw new Error('The preview server answered ' + response.status);
        return response.json();
      }
      case 'enableTheming':
        preview.themingEnabled = true;
        await applyTheme();
        return undefined;
      case 'refresh':
        preview.refreshCalls.push({ at: Date.now(), refused: preview.refuseRefresh });
        return !preview.refuseRefresh;
      case 'navigate':
      case 'open':
        if (payload && payload.url) window.open(payload.url, '_blank', 'noopener');
        return true;
      case 'showFlag':
        showFlag(payload || {});
        return undefined;
      case 'submit': {
        if (context.extension.type !== 'jira:dashboardGadget' || context.extension.entryPoint !== 'edit') return false;
        preview.submitted.push(payload);
        const project = payload && typeof payload.projectKey === 'string' && /^[A-Z][A-Z0-9_]*$/.test(payload.projectKey) ? payload.projectKey : '';
        const query = new URLSearchParams(location.search);
        const keep = new URLSearchParams();
        for (const name of ['as', 'theme']) if (query.get(name)) keep.set(name, query.get(name));
        setTimeout(() => location.assign('/gadget' + (project ? '/' + project : '') + (keep.toString() ? '?' + keep.toString() : '')), 0);
        return true;
      }
      case 'closeFlag':
        closeFlag(payload && payload.id);
        return undefined;
      default:
        return undefined; // resizing…: nothing to do outside Jira
    }
  }

  window.__bridge = {
    callBridge: async (command, payload) => {
      preview.calls.push(command);
      try {
        return await handle(command, payload);
      } finally {
        window.dispatchEvent(new CustomEvent('preview:bridge', { detail: { command } }));
      }
    },
  };
})();`;
}
