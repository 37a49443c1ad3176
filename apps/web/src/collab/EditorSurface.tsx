import type { SocketIOProvider } from '@passerelle/collab';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { EditorComments } from '../features/comments/editor/EditorComments';
import { CommentHighlights } from '../features/comments/editor/highlights';
import type { CollabUser } from './CollabSession';
import { DocumentOutline } from './DocumentOutline';
import { EditorToolbar } from './EditorToolbar';
import { LinkForm } from './LinkForm';
import { editorExtensions } from './schema';

export interface EditorSurfaceProps {
  doc: Y.Doc;
  provider: SocketIOProvider;
  user: CollabUser;
  editable: boolean;
  /** The document's language: its direction, spelling and fonts, whatever the interface language. */
  lang: string;
  dir: 'ltr' | 'rtl';
  label: string;
}

/** The TipTap editor bound to one Y.Doc and its provider, with its toolbar, the document outline and the comments. */
export function EditorSurface({ doc, provider, user, editable, lang, dir, label }: EditorSurfaceProps) {
  const [linkOpen, setLinkOpen] = useState(false);
  const editor = useEditor(
    {
      extensions: [
        ...editorExtensions({
          doc,
          awareness: provider.awareness,
          user,
          onLinkShortcut: () => setLinkOpen(true),
        }),
        CommentHighlights,
      ],
      editable,
      editorProps: {
        attributes: {
          class: 'editor-content',
          lang,
          dir,
          'aria-label': label,
          'aria-multiline': 'true',
          role: 'textbox',
        },
      },
    },
    [doc, provider],
  );

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  if (!editor) return null;
  return (
    <div className="editor-layout">
      <div className="editor-main">
        {editable && <EditorToolbar editor={editor} onLink={() => setLinkOpen(true)} />}
        {editable && linkOpen && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
        <EditorContent editor={editor} className="editor-surface" />
        <EditorComments editor={editor} />
      </div>
      <aside className="editor-aside">
        <DocumentOutline editor={editor} lang={lang} dir={dir} />
      </aside>
    </div>
  );
}
