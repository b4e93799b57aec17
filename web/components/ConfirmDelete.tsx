import type { ReactNode } from 'react';
import { useId, useRef } from 'react';

/** A Delete button that asks first, in a modal dialog (Escape or Cancel keeps the thing). */
export function ConfirmDelete(props: {
  title: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  children: ReactNode;
  buttonLabel?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <button
        type="button"
        className="button button--danger"
        onClick={() => dialog.current?.showModal()}
      >
        {props.buttonLabel ?? 'Delete'}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={titleId}>
        <h2 id={titleId}>{props.title}</h2>
        {props.children}
        <div className="actions">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => dialog.current?.close()}
          >
            Cancel
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={props.busy}
            onClick={props.onConfirm}
          >
            {props.confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
