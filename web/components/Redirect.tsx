import { useEffect } from 'react';
import { navigate } from '../router.ts';

/** Replaces the current path with `to` once rendered. */
export function Redirect(props: { to: string }) {
  useEffect(() => {
    navigate(props.to, { replace: true });
  }, [props.to]);
  return null;
}
