import type { ApiResponseOptions } from '@nestjs/swagger';
import type { Response } from 'express';
import { DOCX_TYPE, RenderedContent } from './document-renderer';

/** Sets the headers of rendered content and gives Nest the body to send (controllers use `passthrough`). */
export function sendRendered(res: Response, rendered: RenderedContent): RenderedContent['body'] {
  res.set(rendered.headers);
  return rendered.body;
}

/** The OpenAPI description of a rendered-content response, shared by documents and versions. */
export const RENDERED_CONTENT_RESPONSE: ApiResponseOptions = {
  description: 'markdown, a standalone HTML page, ProseMirror JSON or a Word file, following `format`',
  content: {
    'text/markdown': { schema: { type: 'string' } },
    'text/html': { schema: { type: 'string' } },
    'application/json': { schema: { type: 'object', description: 'ProseMirror JSON (type "doc")' } },
    [DOCX_TYPE]: { schema: { type: 'string', format: 'binary' } },
  },
};
