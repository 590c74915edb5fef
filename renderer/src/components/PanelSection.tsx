import { useId, type ReactNode } from 'react';

/**
 * A panel of a page: its heading names the region (landmark navigation), with the panel's
 * main action beside it and a sentence saying what the panel is for.
 */
export function PanelSection({ title, action, explain, wide = false, children }: { title: string; action?: { label: string; onClick: () => void }; explain?: string; wide?: boolean; children: ReactNode }) {
  const titleId = useId();
  return (
    <section className={wide ? 'panel wide' : 'panel'} aria-labelledby={titleId}>
      <div className="panel-top">
        <h2 id={titleId}>{title}</h2>
        {action && (
          <button type="button" className="primary" onClick={action.onClick}>
            {action.label}
          </button>
        )}
      </div>
      {explain && <p className="explain">{explain}</p>}
      {children}
    </section>
  );
}
