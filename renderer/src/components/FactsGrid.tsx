import type { ReactNode } from 'react';

/** A record's facts as label / value pairs, laid out in columns (read-only pages). */
export function FactsGrid({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="facts-grid">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
