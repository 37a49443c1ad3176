import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { relativeTime } from './time';

/** When something happened: "5 minutes ago", the full date and time on hover and for machines. */
export function When({ value }: { value: string }) {
  const { i18n } = useTranslation();
  const format = useFormat();
  const locale = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  return (
    <time className="comment-time" dateTime={value} title={format.dateTime(value)}>
      {relativeTime(value, locale)}
    </time>
  );
}
