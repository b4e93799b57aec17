import type { ReactNode } from 'react';
import { usePageTitle } from '../use-page-title.ts';

/** The centred card that the setup and login pages sit in. */
export function AuthFrame(props: { title: string; children: ReactNode }) {
  usePageTitle(props.title);
  return (
    <main className="auth">
      <div className="auth__card">
        <p className="brand brand--large">OwlHub</p>
        <h1>{props.title}</h1>
        {props.children}
      </div>
    </main>
  );
}
