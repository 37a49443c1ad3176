import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorDefinition } from '@passerelle/domain';
import { useErrorMessage } from '../../app/useErrorMessage';
import type { Indicator, IndicatorValueBody } from './types';

export interface IndicatorEditorProps {
  definition: IndicatorDefinition;
  name: string;
  current?: Indicator;
  onSave(value: IndicatorValueBody): Promise<unknown>;
  /** Removes the figure being edited (only that year's): for a value entered by mistake. */
  onRemove?(id: string): Promise<unknown>;
  onCancel(): void;
}

type Problem = 'value' | 'year' | null;

/** Checks a figure as the API will: a year between 1900 and 2100, a non-negative number (≤ 100 for a percentage). */
export function checkIndicator(unit: IndicatorDefinition['unit'], value: string, year: string): Problem {
  const y = Number(year);
  if (!/^\d{4}$/.test(year.trim()) || y < 1900 || y > 2100) return 'year';
  if (unit === 'text') return value.trim() ? null : 'value';
  const n = Number(value);
  if (!value.trim() || !Number.isFinite(n) || n < 0 || !/^\d+(\.\d{1,2})?$/.test(value.trim())) return 'value';
  if (unit === 'percent' && n > 100) return 'value';
  return null;
}

/** The figure of one indicator for one year: value, year and source, added or replaced (by key and year). */
export function IndicatorEditor({ definition, name, current, onSave, onRemove, onCancel }: IndicatorEditorProps) {
  const { t } = useTranslation('indicators');
  const message = useErrorMessage();
  const id = useId();
  const [value, setValue] = useState(
    current ? String(definition.unit === 'text' ? (current.valueText ?? '') : (current.valueNumeric ?? '')) : '',
  );
  const [year, setYear] = useState(String(current?.year ?? new Date().getFullYear()));
  const [source, setSource] = useState(current?.source ?? '');
  const [problem, setProblem] = useState<Problem>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const remove = async () => {
    if (!current || !onRemove) return;
    setFailure(null);
    setPending(true);
    try {
      await onRemove(current.id);
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = checkIndicator(definition.unit, value, year);
    setProblem(found);
    setFailure(null);
    if (found) {
      document.getElementById(`${id}-${found}`)?.focus();
      return;
    }
    setPending(true);
    try {
      await onSave({
        key: definition.key,
        year: Number(year),
        ...(definition.unit === 'text' ? { valueText: value.trim() } : { valueNumeric: Number(value) }),
        source: source.trim(),
      });
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="indicator-editor" onSubmit={submit} noValidate aria-label={t('editOf', { name })}>
      <div className="field grow">
        <label htmlFor={`${id}-value`}>{t(`valueLabel.${definition.unit}`)}</label>
        {definition.unit === 'text' ? (
          <input
            id={`${id}-value`}
            value={value}
            maxLength={1000}
            dir="auto"
            aria-invalid={problem === 'value' || undefined}
            onChange={(e) => setValue(e.target.value)}
          />
        ) : (
          <input
            id={`${id}-value`}
            type="number"
            inputMode="decimal"
            min={0}
            max={definition.unit === 'percent' ? 100 : undefined}
            step="any"
            value={value}
            aria-invalid={problem === 'value' || undefined}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
      </div>
      <div className="field year-field">
        <label htmlFor={`${id}-year`}>{t('columns.year')}</label>
        <input
          id={`${id}-year`}
          type="number"
          min={1900}
          max={2100}
          value={year}
          aria-invalid={problem === 'year' || undefined}
          onChange={(e) => setYear(e.target.value)}
        />
      </div>
      <div className="field grow">
        <label htmlFor={`${id}-source`}>{t('columns.source')}</label>
        <input
          id={`${id}-source`}
          value={source}
          maxLength={300}
          dir="auto"
          onChange={(e) => setSource(e.target.value)}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary button-small" disabled={pending}>
          {t('save')}
        </button>
        <button type="button" className="button button-small" onClick={onCancel}>
          {t('cancel')}
        </button>
        {current && onRemove && (
          <button
            type="button"
            className="button button-small button-quiet"
            disabled={pending}
            onClick={() => void remove()}
          >
            {t('removeYear', { year: current.year })}
          </button>
        )}
      </div>
      {problem && (
        <p className="field-error full" role="alert">
          {t(problem === 'year' ? 'errors.year' : `errors.value.${definition.unit}`)}
        </p>
      )}
      {failure !== null && (
        <p className="alert alert-error full" role="alert">
          {message(failure)}
        </p>
      )}
      <p className="hint full">{t('sameYearHint')}</p>
    </form>
  );
}
