import type { PMNode } from '@passerelle/content';

/** Text of a node's inline content (headings here hold plain text). */
const textOf = (node: PMNode): string => (node.content ?? []).map((n) => n.text ?? textOf(n)).join('');

const isSectionHeading = (node: PMNode): boolean => node.type === 'heading' && node.attrs?.level === 2;

/**
 * Replaces the body of some sections of a template (ProseMirror nodes) with written text, keeping
 * the template's structure and its guidance where nothing was written. A section is a level-2
 * heading and what follows it up to the next one, keyed by the heading's text; the key '' is the
 * preamble between the document's title and its first section.
 */
export function fillSections(template: readonly PMNode[], fills: ReadonlyMap<string, PMNode[]>): PMNode[] {
  const out: PMNode[] = [];
  let skipping = false;
  template.forEach((node, index) => {
    if (isSectionHeading(node)) {
      out.push(node);
      const fill = fills.get(textOf(node));
      skipping = fill !== undefined;
      if (fill) out.push(...fill);
      return;
    }
    if (index === 0 && node.type === 'heading') {
      out.push(node);
      const preamble = fills.get('');
      skipping = preamble !== undefined;
      if (preamble) out.push(...preamble);
      return;
    }
    if (!skipping) out.push(node);
  });
  return out;
}

/** The sections of `template` that `fills` names but the template lacks (to catch a template that changed). */
export function unmatchedSections(template: readonly PMNode[], fills: ReadonlyMap<string, PMNode[]>): string[] {
  const headings = new Set(template.filter(isSectionHeading).map(textOf));
  return [...fills.keys()].filter((key) => key !== '' && !headings.has(key));
}
