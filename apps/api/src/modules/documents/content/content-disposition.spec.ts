import { attachmentDisposition } from './content-disposition';

describe('attachmentDisposition', () => {
  it('gives an ASCII slug and the UTF-8 title', () => {
    expect(attachmentDisposition('Lyon — Document de priorités', 'docx')).toBe(
      `attachment; filename="lyon-document-de-priorites.docx"; filename*=UTF-8''Lyon%20%E2%80%94%20Document%20de%20priorit%C3%A9s.docx`,
    );
  });

  it('keeps quotes, slashes, line breaks and path parts out of the header', () => {
    const header = attachmentDisposition('../../etc/passwd"\r\nX-Evil: 1', 'docx');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toMatch(/^attachment; filename="etc-passwd-x-evil-1\.docx"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
    expect(header).not.toContain('..%2F');
  });

  it('falls back to "document" when nothing of the title is usable', () => {
    expect(attachmentDisposition('طنجة', 'docx')).toMatch(
      /^attachment; filename="document\.docx"; filename\*=UTF-8''%D8/,
    );
    expect(attachmentDisposition('///', 'docx')).toBe(
      `attachment; filename="document.docx"; filename*=UTF-8''document.docx`,
    );
  });
});
