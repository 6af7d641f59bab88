// For clients that show hover and documentation only as plain text: the engine's Markdown
// with its markup taken out (code spans, emphasis, links written out as `text (url)`).

export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/\n\n---\n\n/g, '\n\n')
    .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/ {2}\n/g, '\n');
}
