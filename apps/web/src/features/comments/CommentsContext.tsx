import { EDITABLE_STATUSES, type ThreadAnchor } from '@passerelle/domain';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { DocumentDetail } from '../documents/types';

/** A passage chosen in the editor, waiting for its first comment or suggestion. */
export interface CommentDraft {
  anchor: ThreadAnchor;
  quote: string;
}

/** Where a thread was chosen: the other side follows (the panel scrolls to the card, the editor to the passage). */
export type FocusOrigin = 'editor' | 'panel';

export interface ThreadFocus {
  id: string;
  origin: FocusOrigin;
  /** Changes with every request, so that choosing the same thread again scrolls to it again. */
  seq: number;
}

/** What the editor offers the panel. */
export interface EditorBridge {
  /** Scrolls the editor to a thread's passage; false when it is not in the text. */
  reveal(threadId: string): boolean;
}

export type ThreadFilter = 'open' | 'resolved';

export interface CommentsContextValue {
  documentId: string;
  /** The document's language and direction: quotes and suggestions are shown in them. */
  lang: string;
  dir: 'ltr' | 'rtl';
  canComment: boolean;
  /** May accept or reject suggestions (edit access, document not frozen). */
  canDecide: boolean;
  /** May propose wording: may comment but not edit (stakeholders, coordinators), document not frozen. */
  canSuggest: boolean;
  focus: ThreadFocus | null;
  /** Chooses a thread; chosen in the text (where only open threads show), the panel lists the open ones. */
  focusThread(id: string | null, origin: FocusOrigin): void;
  filter: ThreadFilter;
  setFilter(filter: ThreadFilter): void;
  draft: CommentDraft | null;
  startDraft(draft: CommentDraft): void;
  endDraft(): void;
  /** The editor registers itself once it is up; returns the unregistering function. */
  registerEditor(bridge: EditorBridge): () => void;
  revealInEditor(threadId: string): boolean;
  /** A failure of an action taken in the text (accepting a suggestion inline), shown by the panel. */
  error: unknown;
  reportError(error: unknown): void;
}

const CommentsContext = createContext<CommentsContextValue | null>(null);

/** The comments state of one open document, or null outside of a document page (e.g. the editor alone in tests). */
export const useComments = (): CommentsContextValue | null => useContext(CommentsContext);

export function CommentsProvider({
  document,
  dir,
  children,
}: {
  document: DocumentDetail;
  dir: 'ltr' | 'rtl';
  children: ReactNode;
}) {
  const [focus, setFocus] = useState<ThreadFocus | null>(null);
  const [draft, setDraft] = useState<CommentDraft | null>(null);
  const [error, reportError] = useState<unknown>(null);
  const [filter, setFilter] = useState<ThreadFilter>('open');
  const bridge = useRef<EditorBridge | null>(null);
  const seq = useRef(0);

  const permissions = document.permissions ?? [];
  const open = EDITABLE_STATUSES.includes(document.status);
  const canComment = permissions.includes('comment');
  const canEdit = permissions.includes('edit');

  const focusThread = useCallback((id: string | null, origin: FocusOrigin) => {
    seq.current += 1;
    setFocus(id === null ? null : { id, origin, seq: seq.current });
    if (origin === 'editor') setFilter('open');
  }, []);
  const startDraft = useCallback((next: CommentDraft) => {
    setFocus(null);
    setDraft(next);
  }, []);
  const endDraft = useCallback(() => setDraft(null), []);
  const registerEditor = useCallback((next: EditorBridge) => {
    bridge.current = next;
    return () => {
      if (bridge.current === next) bridge.current = null;
    };
  }, []);
  const revealInEditor = useCallback((threadId: string) => bridge.current?.reveal(threadId) ?? false, []);

  const value = useMemo<CommentsContextValue>(
    () => ({
      documentId: document.id,
      lang: document.language,
      dir,
      canComment,
      canDecide: canEdit && open,
      canSuggest: canComment && !canEdit && open,
      focus,
      focusThread,
      filter,
      setFilter,
      draft,
      startDraft,
      endDraft,
      registerEditor,
      revealInEditor,
      error,
      reportError,
    }),
    [
      document.id,
      document.language,
      dir,
      canComment,
      canEdit,
      open,
      focus,
      focusThread,
      filter,
      draft,
      startDraft,
      endDraft,
      registerEditor,
      revealInEditor,
      error,
    ],
  );
  return <CommentsContext.Provider value={value}>{children}</CommentsContext.Provider>;
}
