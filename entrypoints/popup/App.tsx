import { StatusLine } from '@/components/StatusLine';
import { useStatus } from '@/hooks/use-status';

export function App() {
  const status = useStatus();
  return (
    <main className="popup">
      <h1>Waymark</h1>
      <StatusLine status={status} />
    </main>
  );
}
