import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { isRtl } from '@passerelle/domain';
import { useFormat } from '../../lib/format';
import { DocumentStatusBadge } from './DocumentStatusBadge';
import type { DocumentSummary } from './types';

/** A table of documents: title (in its own language and direction), kind, status, language, last change. */
export function DocumentList({ documents, caption }: { documents: DocumentSummary[]; caption: string }) {
  const { t } = useTranslation('documents');
  const format = useFormat();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.title')}</th>
            <th scope="col">{t('columns.kind')}</th>
            <th scope="col">{t('columns.status')}</th>
            <th scope="col">{t('columns.language')}</th>
            <th scope="col">{t('columns.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((doc) => (
            <tr key={doc.id}>
              <th scope="row">
                <Link to={`/documents/${doc.id}`} lang={doc.language} dir={isRtl(doc.language) ? 'rtl' : 'ltr'}>
                  {doc.title}
                </Link>
              </th>
              <td>{t(`kinds.${doc.kind}`)}</td>
              <td>
                <DocumentStatusBadge status={doc.status} published={doc.published} />
              </td>
              <td>{format.language(doc.language)}</td>
              <td>
                <time dateTime={doc.updatedAt}>{format.date(doc.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
