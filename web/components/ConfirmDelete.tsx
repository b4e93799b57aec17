import { useRef } from 'react';

/** A Delete button that asks first, in a modal dialog (Escape or Cancel keeps the integration). */
export function ConfirmDelete(props: { name: string; busy: boolean; onConfirm: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button
        type="button"
        className="button button--danger"
        onClick={() => dialog.current?.showModal()}
      >
        Delete
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby="delete-title">
        <h2 id="delete-title">Delete “{props.name}”?</h2>
        <p>
          OwlHub forgets its credentials and deletes everything mirrored from it. Jira itself is not
          touched.
        </p>
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
            Delete integration
          </button>
        </div>
      </dialog>
    </>
  );
}
