import { ApiError } from '../api.ts';

/** An error's message and, when the server gave one, its hint. */
export function ErrorNotice(props: { error: unknown; title?: string }) {
  const { message, hint } = describeError(props.error);
  return (
    <div className="notice notice--error" role="alert">
      {props.title === undefined ? null : <p className="notice__title">{props.title}</p>}
      <p>{message}</p>
      {hint === undefined ? null : <p className="notice__hint">{hint}</p>}
    </div>
  );
}

/** The message and hint of anything thrown. */
export function describeError(error: unknown): { message: string; hint: string | undefined } {
  if (error instanceof ApiError) return { message: error.message, hint: error.hint };
  if (error instanceof Error) return { message: error.message, hint: undefined };
  return { message: 'Something went wrong.', hint: undefined };
}
