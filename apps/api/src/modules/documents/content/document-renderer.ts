import { Injectable, StreamableFile } from '@nestjs/common';
import { toDocx, toHTMLDocument, toMarkdown, toProseMirrorJSON } from '@passerelle/content';
import type { Language } from '@passerelle/domain';
import * as Y from 'yjs';
import type { ContentFormat } from '../dto/content-format.dto';
import { attachmentDisposition } from './content-disposition';

export interface RenderedContent {
  headers: Record<string, string>;
  /** A string, a JSON-serialisable object, or a file. */
  body: string | object | StreamableFile;
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The exported HTML is a page of its own that a browser may open directly: nothing in it may run,
 * load or submit anything, whatever the content says.
 */
export const EXPORT_HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox";

/** Renders Yjs content (the current one or a version's) in the export formats, with the editor's schema. */
@Injectable()
export class DocumentRenderer {
  async render(
    doc: Y.Doc,
    format: ContentFormat,
    meta: { title: string; language: Language },
  ): Promise<RenderedContent> {
    switch (format) {
      case 'markdown':
        return { headers: { 'Content-Type': 'text/markdown; charset=utf-8' }, body: toMarkdown(doc) };
      case 'html':
        return {
          headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': EXPORT_HTML_CSP },
          body: toHTMLDocument(doc, meta),
        };
      case 'json':
        return { headers: {}, body: toProseMirrorJSON(doc) as object };
      case 'docx': {
        const bytes = await toDocx(doc, meta);
        return {
          headers: { 'Content-Type': DOCX_TYPE, 'Content-Disposition': attachmentDisposition(meta.title, 'docx') },
          body: new StreamableFile(Buffer.from(bytes)),
        };
      }
    }
  }

  /** Renders stored state (a version) without touching the live document. */
  async renderState(
    state: Uint8Array,
    format: ContentFormat,
    meta: { title: string; language: Language },
  ): Promise<RenderedContent> {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, state);
      return await this.render(doc, format, meta);
    } finally {
      doc.destroy();
    }
  }
}
