import { Extension, type AnyExtension } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { TableKit } from '@tiptap/extension-table';
import { StarterKit } from '@tiptap/starter-kit';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { FRAGMENT } from './fragment';

export interface EditorExtensionOptions {
  doc: Y.Doc;
  /** Shared presence: others' carets and selections, and one's own for them. */
  awareness?: Awareness;
  user?: { id: string; name: string; color: string };
  /** Mod-K: asks the toolbar to open the link form. */
  onLinkShortcut?: () => void;
}

/**
 * The editor's extensions. The node and mark names are the document schema shared with the server
 * (libs/content renders what these write: StarterKit + TableKit).
 */
export function editorExtensions(options: EditorExtensionOptions): AnyExtension[] {
  const extensions: AnyExtension[] = [
    StarterKit.configure({
      // Collaboration brings its own undo, which undoes only one's own changes, never someone else's.
      undoRedo: false,
      // It would append an empty paragraph to every document that does not end with one, as it opens:
      // a change nobody made, written into the shared document (and refused for read-only people).
      trailingNode: false,
      link: { openOnClick: false, autolink: true, linkOnPaste: true, defaultProtocol: 'https' },
    }),
    TableKit.configure({ table: { resizable: false } }),
    Collaboration.configure({ document: options.doc, field: FRAGMENT }),
    Extension.create({
      name: 'linkShortcut',
      addKeyboardShortcuts: () => ({
        'Mod-k': () => {
          options.onLinkShortcut?.();
          return options.onLinkShortcut !== undefined;
        },
      }),
    }),
  ];
  if (options.awareness) {
    extensions.push(
      CollaborationCaret.configure({ provider: { awareness: options.awareness }, user: options.user ?? {} }),
    );
  }
  return extensions;
}
