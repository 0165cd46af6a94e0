import type { StatusState } from '@/hooks/use-status';

export function StatusLine({ status }: { status: StatusState }) {
  if (status.state === 'loading') return <p className="status">Loading your knowledge…</p>;
  if (status.state === 'error') {
    return (
      <p className="status" data-state="error" role="alert">
        Waymark could not read its local knowledge: {status.error}
      </p>
    );
  }
  const { apps, items } = status.status;
  return (
    <p className="status">
      {items} items for {apps} apps, from the built-in starter pack.
    </p>
  );
}
