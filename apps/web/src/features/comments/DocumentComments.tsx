import { isRtl } from '@passerelle/domain';
import type { ReactNode } from 'react';
import type { DocumentDetail } from '../documents/types';
import './comment.css';
import './comments.css';
import { CommentsPanel } from './CommentsPanel';
import { CommentsProvider } from './CommentsContext';
import { useThreadEvents } from './useThreadEvents';

/**
 * A document's text (`children`: the live editor) with its comments beside it. The editor finds
 * the comments through context (highlights, the Comment button); the panel lists the threads;
 * both stay live through the `/live` socket.
 */
export function DocumentComments({ document, children }: { document: DocumentDetail; children: ReactNode }) {
  useThreadEvents(document.id);
  return (
    <CommentsProvider document={document} dir={isRtl(document.language) ? 'rtl' : 'ltr'}>
      <div className="document-workspace">
        <div className="document-workspace-main">{children}</div>
        <CommentsPanel />
      </div>
    </CommentsProvider>
  );
}
