/** Browser downloads: blob or data URLs on an <a download>, never a remote URL. */

/** Offers text as a file download (a blob URL, never a remote one). */
export function downloadText(text: string, fileName: string, type: string): void {
  downloadUrl(URL.createObjectURL(new Blob([text], { type })), fileName, true);
}

export function downloadUrl(url: string, fileName: string, revoke = false): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  if (revoke) setTimeout(() => URL.revokeObjectURL(url), 1000);
}
