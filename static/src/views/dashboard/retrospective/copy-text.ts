/**
 * Copying text the page made. The Clipboard API may be refused inside Jira's iframe (a permissions
 * policy the app does not control), so a selected hidden textarea and `execCommand('copy')`, which no
 * such policy gates, is the fallback. Resolves false when neither worked: the caller then shows the text.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}
