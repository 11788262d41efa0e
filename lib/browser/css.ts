/**
 * Sets styles through the CSSOM with !important. Our elements in a page are
 * styled this way because a page CSP of `style-src 'none'` blocks style
 * attributes and sheets, but not the CSSOM; !important wins over the page's
 * own rules aimed at them.
 */
export function setImportantStyles(el: ElementCSSInlineStyle, style: Record<string, string>): void {
  for (const [name, value] of Object.entries(style)) el.style.setProperty(name, value, 'important');
}
