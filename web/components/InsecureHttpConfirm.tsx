/** The explicit confirmation that an HTTP site gets the token unencrypted (PRODUCT.md §1). */
export function InsecureHttpConfirm(props: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error: string | undefined;
}) {
  const { id, checked, onChange, error } = props;
  return (
    <div className={error === undefined ? 'field confirm' : 'field confirm field--invalid'}>
      <div className="confirm__row">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-invalid={error !== undefined}
          {...(error === undefined ? {} : { 'aria-describedby': `${id}-error` })}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor={id}>
          I understand that with HTTP the token travels unencrypted, and anyone on the network path
          can read it.
        </label>
      </div>
      {error === undefined ? null : (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The message beside the confirmation when HTTP was chosen but not confirmed. */
export const CONFIRM_HTTP_MESSAGE = 'Confirm that the token may travel unencrypted, or use HTTPS.';
