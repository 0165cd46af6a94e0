import type { ReactNode } from 'react';
import type { Async } from '@/hooks/use-background';
import { useT } from './I18nProvider';

/** Loading and error states in words, then the content. */
export function AsyncView<T>({
  value,
  loading,
  children,
}: {
  value: Async<T>;
  loading: string;
  children: (value: T) => ReactNode;
}) {
  const t = useT();
  if (value.state === 'loading')
    return (
      <p className="muted" role="status">
        {loading}
      </p>
    );
  if (value.state === 'error') {
    return (
      <p className="error" role="alert">
        {t('common.failed', { error: value.error })}
      </p>
    );
  }
  return <>{children(value.value)}</>;
}
