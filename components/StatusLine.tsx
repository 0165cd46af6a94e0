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
  const { apps, items, source, lastSyncAt, problem } = status.status;
  const from =
    source === 'server'
      ? `synced ${lastSyncAt ? new Date(lastSyncAt).toLocaleString() : 'from your server'}`
      : 'from the built-in starter pack';
  return (
    <>
      <p className="status">
        {items} items for {apps} apps, {from}. Works offline.
      </p>
      {problem !== undefined && (
        <p className="status" data-state="error" role="alert">
          The last sync failed: {problem}. You are seeing what was synced before.
        </p>
      )}
    </>
  );
}
