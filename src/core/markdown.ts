const plain = (text: string): string => text;

/**
 * The neutral Markdown subset (**bold**, *italics*, `code`) as plain text: bold through `bold` (kept plain unless a
 * renderer styles it), italics and code marks dropped. A lone asterisk, as in `x*y*z` or `* item`, stays.
 */
export function stripMarkdown(markdown: string, bold: (text: string) => string = plain): string {
  return markdown
    .replace(/\*\*(.+?)\*\*/g, (_m, inner: string) => bold(inner))
    .replace(/(^|[^*\w])\*(?!\s)([^*\n]+?)\*(?!\w)/g, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1');
}

/** Code with any triple backtick broken by a zero-width space, so that it cannot close the fence around it. */
export const unfenced = (code: string): string => code.replace(/```/g, '``\u200b`');
