import type { ReactNode } from 'react';
import { Logo } from './logo.tsx';

/** The centred card every signed-out page uses. */
export function AuthShell({ title, subtitle, children, footer }: { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <div className="auth-page">
      <title>{`${title} · Switchboard`}</title>
      <main className="auth-main">
        <div className="auth-brand">
          <Logo />
        </div>
        <div className="auth-card">
          <h1 className="auth-title">{title}</h1>
          {subtitle ? <div className="auth-subtitle">{subtitle}</div> : null}
          {children}
        </div>
        {footer ? <div className="auth-footer">{footer}</div> : null}
      </main>
    </div>
  );
}
