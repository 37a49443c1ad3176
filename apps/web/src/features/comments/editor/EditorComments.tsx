import type { CommentThread } from '@passerelle/domain';
import type { Editor } from '@tiptap/core';
import { PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { BubbleMenu } from '@tiptap/react/menus';
import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { shortcut } from '../../../collab/shortcuts';
import { CommentIcon } from '../CommentIcon';
import { useComments, type CommentsContextValue } from '../CommentsContext';
import { useDecideSuggestion, useThreads } from '../useThreads';
import { selectionAnchor, textRange } from './anchors';
import './highlights.css';
import { setHighlightHandlers, showThreads, threadRange, type HighlightThread } from './highlights';

const bubbleKey = new PluginKey('commentBubble');
/** Ctrl+Alt+M (⌘⌥M on Apple systems), as in the word processors people know. */
const COMMENT_KEYS = 'Mod+Alt+M';

/** A read-only editor never has the focus: its selection is the page's, when it lies inside the text. */
function domSelectionInside(view: EditorView): boolean {
  const selection = view.dom.ownerDocument.getSelection();
  if (!selection || selection.isCollapsed || !selection.anchorNode || !selection.focusNode) return false;
  return view.dom.contains(selection.anchorNode) && view.dom.contains(selection.focusNode);
}

function hasCommentableSelection(editor: Editor): boolean {
  // The view comes and goes with the editor's element (remounts): no view, nothing selected.
  if (editor.isDestroyed || editor.state.selection.empty || !textRange(editor.state)) return false;
  return editor.isEditable ? editor.view.hasFocus() : domSelectionInside(editor.view);
}

/** Where the Comment button points: the whole selected passage (ProseMirror's own rect is one line wide at most). */
function passageRect(editor: Editor) {
  const range = editor.isDestroyed ? null : textRange(editor.state);
  if (!range) return null;
  try {
    const start = editor.view.domAtPos(range.from);
    const end = editor.view.domAtPos(range.to);
    const dom = document.createRange();
    dom.setStart(start.node, start.offset);
    dom.setEnd(end.node, end.offset);
    return { getBoundingClientRect: () => dom.getBoundingClientRect(), getClientRects: () => dom.getClientRects() };
  } catch {
    return null;
  }
}

const toHighlight = (thread: CommentThread): HighlightThread => ({
  id: thread.id,
  anchor: thread.anchor,
  range: thread.range,
  suggestion: thread.suggestion?.status === 'pending' ? thread.suggestion.text : null,
});

/**
 * The comments of the open document in its editor: highlights of open threads (clicking one opens it
 * in the panel), suggestions inline, and a "Comment" button over a selection (or Ctrl+Alt+M) that
 * starts a thread on it. Renders nothing outside of a document page.
 */
export function EditorComments({ editor }: { editor: Editor }) {
  const comments = useComments();
  return comments ? <Binding editor={editor} comments={comments} /> : null;
}

function Binding({ editor, comments }: { editor: Editor; comments: CommentsContextValue }) {
  const { t } = useTranslation('comments');
  const threads = useThreads(comments.documentId);
  const decide = useDecideSuggestion(comments.documentId);
  const { focusThread, reportError, registerEditor, startDraft, canComment, canDecide } = comments;
  const focusedId = comments.focus?.id ?? null;
  const draftAnchor = comments.draft?.anchor ?? null;
  const open = useMemo(
    () => (threads.data ?? []).filter((thread) => !thread.resolved && !thread.detached).map(toHighlight),
    [threads.data],
  );
  const labels = useMemo(
    () => ({ suggestion: t('inline.suggestion'), accept: t('inline.accept'), reject: t('inline.reject') }),
    [t],
  );
  const decideMutate = decide.mutate;

  useEffect(() => {
    setHighlightHandlers(editor, {
      focus: (id) => focusThread(id, 'editor'),
      decide: (threadId, accept) => {
        reportError(null);
        decideMutate({ threadId, accept }, { onError: (error) => reportError(error) });
      },
    });
    return () => setHighlightHandlers(editor, null);
  }, [editor, focusThread, reportError, decideMutate]);

  useEffect(() => {
    if (editor.isDestroyed) return;
    showThreads(editor.view, { threads: open, focusedId, draft: draftAnchor, canDecide, labels });
  }, [editor, open, focusedId, draftAnchor, canDecide, labels]);

  useEffect(
    () =>
      registerEditor({
        reveal: (threadId) => {
          if (editor.isDestroyed || !threadRange(editor.state, threadId)) return false;
          const mark = editor.view.dom.querySelector(`[data-thread-id="${threadId}"]`);
          mark?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
          return true;
        },
      }),
    [editor, registerEditor],
  );

  const start = useCallback(() => {
    const made = editor.isDestroyed ? null : selectionAnchor(editor.state);
    if (!made) return;
    startDraft(made);
    editor.view.dispatch(editor.state.tr.setMeta(bubbleKey, 'hide'));
  }, [editor, startDraft]);

  useEffect(() => {
    if (!canComment) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.altKey || event.code !== 'KeyM') return;
      if (!hasCommentableSelection(editor)) return;
      event.preventDefault();
      start();
    };
    // A read-only editor keeps its selection when the page's selection leaves it: let it go, and the button with it.
    const onSelectionChange = () => {
      if (editor.isDestroyed || editor.isEditable || editor.state.selection.empty) return;
      if (domSelectionInside(editor.view)) return;
      const { tr } = editor.state;
      editor.view.dispatch(tr.setSelection(TextSelection.create(tr.doc, tr.selection.head)).setMeta(bubbleKey, 'hide'));
    };
    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('selectionchange', onSelectionChange);
    };
  }, [editor, canComment, start]);

  if (!canComment) return null;
  const keys = shortcut(COMMENT_KEYS);
  return (
    <BubbleMenu
      editor={editor}
      pluginKey={bubbleKey}
      updateDelay={100}
      shouldShow={({ editor: current }) => hasCommentableSelection(current)}
      getReferencedVirtualElement={() => passageRect(editor)}
      options={{ placement: 'top', offset: 8 }}
      className="comment-bubble"
    >
      <button
        type="button"
        className="button button-small button-primary"
        aria-keyshortcuts={keys.aria}
        title={t('editor.commentShortcut', { shortcut: keys.label })}
        onMouseDown={(event) => event.preventDefault()}
        onClick={start}
      >
        <CommentIcon />
        {t('editor.comment')}
      </button>
    </BubbleMenu>
  );
}
