/** Offer a file to save, built in the browser (nothing is uploaded). */
export function downloadFile(fileName: string, content: string, type: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadJson(fileName: string, data: unknown) {
  downloadFile(fileName, JSON.stringify(data, null, 2), 'application/json');
}
