import { useEffect, useRef, useState } from 'react';

/** A field's top-level key: `steps.0.body` belongs to `steps`. */
const topKey = (path: string) => path.split('.')[0] ?? path;

/**
 * Which of a form's fields the author has changed, so a field's problem shows once it was touched
 * (or once they tried to send), never on a form they have not filled in yet. Changes that arrive
 * from outside (a pick on the page) count as touching what they changed.
 */
export function useTouched(fields: Record<string, unknown> | undefined): {
  shown: <P extends { path: string }>(problems: P[]) => P[];
  showAll: () => void;
} {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [all, setAll] = useState(false);
  const previous = useRef<Record<string, unknown> | undefined>(undefined);
  useEffect(() => {
    const before = previous.current;
    previous.current = fields;
    if (before === undefined || fields === undefined) return;
    const changed = [...new Set([...Object.keys(before), ...Object.keys(fields)])].filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(fields[key]),
    );
    if (changed.length > 0) setTouched((t) => new Set([...t, ...changed]));
  }, [fields]);
  return {
    shown: (problems) => (all ? problems : problems.filter((p) => touched.has(topKey(p.path)))),
    showAll: () => setAll(true),
  };
}
