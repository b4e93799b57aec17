import type { ReactNode } from 'react';

/** A labelled form control with an optional help line and the error to show beside it. */
export function Field(props: {
  id: string;
  label: string;
  error?: string | undefined;
  help?: ReactNode;
  children: ReactNode;
}) {
  const { id, label, error, help, children } = props;
  return (
    <div className={error === undefined ? 'field' : 'field field--invalid'}>
      <label htmlFor={id}>{label}</label>
      {children}
      {help === undefined ? null : (
        <p className="field__help" id={`${id}-help`}>
          {help}
        </p>
      )}
      {error === undefined ? null : (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The aria attributes that tie a control to its Field's help and error lines. */
export function describedBy(id: string, error: string | undefined, hasHelp = false) {
  const ids = [hasHelp ? `${id}-help` : null, error === undefined ? null : `${id}-error`].filter(
    (value) => value !== null,
  );
  return {
    id,
    'aria-invalid': error !== undefined,
    ...(ids.length > 0 ? { 'aria-describedby': ids.join(' ') } : {}),
  };
}
