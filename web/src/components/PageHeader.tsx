import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Actions at the right of the header. */
  children?: ReactNode;
}

/** The title block every page opens with. */
export function PageHeader({ title, subtitle, children }: PageHeaderProps) {
  return (
    <header className="page__header">
      <div>
        <h1 className="page__title">{title}</h1>
        {subtitle !== undefined && <p className="page__subtitle">{subtitle}</p>}
      </div>
      {children}
    </header>
  );
}
