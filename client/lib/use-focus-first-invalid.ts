import { useEffect, type RefObject } from 'react';

/** After a failed submit, puts the keyboard on the first field that needs attention. */
export const useFocusFirstInvalid = (formRef: RefObject<HTMLFormElement | null>, attempt: number) => {
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    // Keyed on the attempt: only a submit moves focus, not typing.
  }, [attempt]);
};
