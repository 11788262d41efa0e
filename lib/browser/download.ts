/** Saves `content` as a file named `name`, as the browser's own download of a link does. */
export function downloadText(name: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has its own copy by then; the address is let go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
