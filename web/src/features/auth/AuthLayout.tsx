import type { ReactNode } from 'react';
import { LogoMark } from '@/components/icons';

/** The two-panel frame of the sign-in and register screens. */
export function AuthLayout({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div className="auth">
      <aside className="auth__brand">
        <div className="auth__logo">
          <LogoMark width={36} height={36} />
          <span>DataMind</span>
        </div>
        <div className="auth__pitch">
          <h2>Business intelligence you host yourself.</h2>
          <p>Connect your databases, ask questions, and share answers with your team.</p>
        </div>
        <p className="auth__fineprint">Your data stays on your servers.</p>
      </aside>
      <main className="auth__panel">
        <div className="auth__card">
          <div className="auth__logo auth__logo--compact">
            <LogoMark />
            <span>DataMind</span>
          </div>
          <h1 className="auth__title">{title}</h1>
          {subtitle && <p className="auth__subtitle">{subtitle}</p>}
          {children}
          {footer && <div className="auth__footer">{footer}</div>}
        </div>
      </main>
    </div>
  );
}
