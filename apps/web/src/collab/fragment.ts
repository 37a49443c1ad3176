/** The Y.XmlFragment holding a document's text (fixed by the collaboration contract). */
export const FRAGMENT = 'default';
