/**
 * The stand-in for Forge's Custom UI bridge, served as a plain script that runs before the app's
 * bundle (so `@forge/bridge` finds `window.__bridge` when it loads). `getContext` answers with the
 * context the server built for this page; `invoke` posts to the preview server, which runs the real
 * resolver handler. The chosen user travels as a header the server maps to a login: the page never
 * sends an account id.
 */
export function bridgeScript(context: Record<string, unknown>, user: string): string {
  return `(() => {
  const context = ${JSON.stringify(context)};
  const user = ${JSON.stringify(user)};
  window.__bridge = {
    callBridge: async (command, payload) => {
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
        case 'navigate':
        case 'open':
          if (payload && payload.url) window.open(payload.url, '_blank', 'noopener');
          return true;
        default:
          return undefined; // theming, resizing, flags, refresh: nothing to do outside Jira
      }
    },
  };
})();`;
}
