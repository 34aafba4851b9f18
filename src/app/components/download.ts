/** Saves text or bytes as a file through the browser's download, nothing sent anywhere. */
export function downloadFile(filename: string, content: string | Uint8Array, type: string): void {
  // Bytes are copied into a plain ArrayBuffer: a Blob takes no view of a SharedArrayBuffer.
  const url = URL.createObjectURL(new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

