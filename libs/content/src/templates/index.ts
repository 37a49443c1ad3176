import type { DocumentKind, Language } from '@passerelle/domain';
import * as Y from 'yjs';
import { FRAGMENT_NAME, type PMNode } from '../model';
import { writeProseMirrorJSON } from '../write';
import { heading, paragraph } from './blocks';
import { goodPractice } from './good-practice';
import { migrationProfile } from './migration-profile';
import { minutes } from './minutes';
import { priorityPaper } from './priority-paper';
import type { ThemeNames } from './themes';
import { defaultTitle } from './titles';

export interface TemplateOptions {
  /** Becomes the first, level-1 heading. */
  title?: string;
  /** Used for the default title of a note when no title is given. */
  cityName?: string;
  /** The programme's shared themes, one priority-paper section each (defaults to the seven shared themes). */
  themes?: readonly ThemeNames[];
}

/** The template of a document kind in a language, as ProseMirror JSON nodes (the content of the doc node). */
export function templateContent(kind: DocumentKind, language: Language, options: TemplateOptions = {}): PMNode[] {
  const title = options.title?.trim();
  const opening = title ? [heading(1, title)] : [];
  switch (kind) {
    case 'migration_profile':
      return [...opening, ...migrationProfile(language)];
    case 'priority_paper':
      return [
        ...opening,
        ...priorityPaper(language, options.themes && options.themes.length > 0 ? options.themes : undefined),
      ];
    case 'minutes':
      return [...opening, ...minutes(language)];
    case 'good_practice':
      return [...opening, ...goodPractice(language)];
    case 'note':
      return [heading(1, title || defaultTitle('note', language, options.cityName)), paragraph()];
    default:
      throw new Error(`Unknown document kind: ${String(kind)}`);
  }
}

/**
 * Writes a kind's template into a document's `default` fragment. A template must be written once, by the
 * server, when the document is created: two clients each filling a fresh copy would merge into two copies
 * of every section. The fragment must therefore be empty.
 */
export function fillTemplate(doc: Y.Doc, kind: DocumentKind, language: Language, options: TemplateOptions = {}): void {
  const fragment = doc.getXmlFragment(FRAGMENT_NAME);
  if (fragment.length > 0) throw new Error('fillTemplate needs an empty document: templates are written only once');
  writeProseMirrorJSON(fragment, templateContent(kind, language, options));
}

/** A kind's template as a Yjs update (v1) of a fresh document: the first stored update of a new document. */
export function buildTemplate(kind: DocumentKind, language: Language, options: TemplateOptions = {}): Uint8Array {
  const doc = new Y.Doc();
  try {
    fillTemplate(doc, kind, language, options);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
