/**
 * Offering text the browser made as a file download (a CSV table, a settings file). Custom UI's iframe
 * allows downloads (its sandbox has `allow-downloads`).
 */
export function downloadText(fileName: string, parts: readonly string[], type: string): void {
  const url = URL.createObjectURL(new Blob([...parts], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
