import type { ReactNode } from 'react';
import type { Async } from '@/hooks/use-background';

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
  if (value.state === 'loading')
    return (
      <p className="muted" role="status">
        {loading}
      </p>
    );
  if (value.state === 'error') {
    return (
      <p className="error" role="alert">
        Something went wrong: {value.error}. Try again, or reload the extension if it keeps
        happening.
      </p>
    );
  }
  return <>{children(value.value)}</>;
}
